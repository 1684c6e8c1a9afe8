/**
 * Readable colours from any accent a host picks. WCAG's relative luminance is a weighted sum of the linear
 * sRGB channels, so CSS's relative colour syntax in `srgb-linear` computes it exactly in the browser: the
 * widgets and our pages derive their link and on-accent colours with it, no script, following a host that
 * changes its accent at any time. The same rule in script lets the embed builder warn about a colour.
 */

/** WCAG relative luminance of the colour in a relative `color(from … srgb-linear r g b)`. */
const Y = "(0.2126 * r + 0.7152 * g + 0.0722 * b)";
const channels = (f: (c: string) => string) => ["r", "g", "b"].map(f).join(" ");

/** Black or white on `color`: white while its luminance is below 0.179, where both contrast equally (4.58:1). */
export function onColorCss(color: string): string {
  const white = `clamp(0, (0.179 - ${Y}) * 100000, 1)`;
  return `color(from ${color} srgb-linear ${white} ${white} ${white})`;
}

/** `color` scaled down to luminance 0.14 at most: 5.5:1 on white, 5:1 on a light grey surface. */
export function darkenedCss(color: string): string {
  const k = `min(1, 0.14 / max(${Y}, 0.0001))`;
  return `color(from ${color} srgb-linear ${channels((c) => `calc(${c} * ${k})`)})`;
}

/** `color` mixed with white up to luminance 0.35 at least: 4.9:1 on a dark surface. */
export function lightenedCss(color: string): string {
  const t = `max(0, (0.35 - ${Y}) / (1 - min(${Y}, 0.9999)))`;
  return `color(from ${color} srgb-linear ${channels((c) => `calc(${c} + ${t} * (1 - ${c}))`)})`;
}

/** Relative luminance of a #rgb or #rrggbb colour, or undefined for anything else. */
export function luminance(hex: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two luminances. */
export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
