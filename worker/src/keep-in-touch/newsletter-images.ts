/**
 * The newsletter's pictures: uploaded in the console, kept in D1 and served from our own origin, so the
 * mails' archive pages load nothing from elsewhere. Only raster formats whose first bytes say what they
 * are: no SVG (it can carry script), nothing sent as one type that is another.
 */
export const IMAGE_PATH = "/heimatpost/bilder";
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export const MAX_IMAGE_BYTES = 1024 * 1024;

const starts = (bytes: Uint8Array, at: number, sig: readonly number[]) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** Whether the bytes are of the type they are sent as. */
export function isImageOf(type: string, data: ArrayBuffer): boolean {
  const bytes = new Uint8Array(data, 0, Math.min(data.byteLength, 16));
  switch (type) {
    case "image/png":
      return starts(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return starts(bytes, 0, [0xff, 0xd8, 0xff]);
    case "image/gif":
      return starts(bytes, 0, ascii("GIF8"));
    case "image/webp":
      return starts(bytes, 0, ascii("RIFF")) && starts(bytes, 8, ascii("WEBP"));
    default:
      return false;
  }
}
