/** The one gate every outgoing link passes: only http(s) and mailto, never javascript: or data:. */
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The link normalised, or undefined when it is not a link we may render. */
export function safeHref(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The webcal:// form of an http(s) calendar feed, which calendar apps open as a subscription. */
export function webcalHref(feed: string): string | undefined {
  const href = safeHref(feed);
  return href?.startsWith("http") ? href.replace(/^https?:/, "webcal:") : undefined;
}
