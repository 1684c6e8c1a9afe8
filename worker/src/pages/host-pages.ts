/** What the demo host pages and the embed builder share: the widget's URLs and the CSP they run under. */

export const WIDGET_LOADER = "/widget/v1/hv.js";
export const WIDGET_MANIFEST = "/widget/v1/manifest.json";

/**
 * The strict policy our own widget pages run under, the same a host needs: scripts and API calls from the
 * widget's host only, no inline script or style (the widgets style themselves with constructed
 * stylesheets, which style-src does not govern).
 */
export const WIDGET_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface PinnedBundle {
  pinned: string;
  integrity: string;
}

/** The SRI-pinned bundle's name and hash, written by the widget build; undefined when not built. */
export async function pinnedBundle(assets: Fetcher | undefined, origin: string): Promise<PinnedBundle | undefined> {
  if (!assets) return undefined;
  try {
    const response = await assets.fetch(new URL(WIDGET_MANIFEST, origin));
    if (!response.ok) return undefined;
    return (await response.json()) as PinnedBundle;
  } catch {
    return undefined;
  }
}
