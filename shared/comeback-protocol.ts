/**
 * The messages between the signup form (in its iframe, on the API's origin) and `<hv-comeback>` on the
 * host page. They carry sizes and a "submitted" signal, never what was typed; each side checks the
 * other's origin and the message's shape.
 */
export const SOURCE = "heimvorteil-comeback";

export type FrameMessage =
  | { source: typeof SOURCE; type: "resize"; height: number }
  | { source: typeof SOURCE; type: "submitted" };

export function isFrameMessage(value: unknown): value is FrameMessage {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  if (v.source !== SOURCE) return false;
  if (v.type === "submitted") return Object.keys(v).length === 2;
  return (
    v.type === "resize" && typeof v.height === "number" && Number.isFinite(v.height) && Object.keys(v).length === 3
  );
}

/** An http(s) origin, or undefined: the only kind of value either side posts to. */
export function originOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
