/**
 * CSV that spreadsheets open as meant: German Excel expects semicolons (its decimal separator is the
 * comma), a UTF-8 byte order mark to read umlauts, CRLF lines; a cell that starts like a formula is
 * defused (OWASP "CSV injection") so opening an export never runs what someone typed into a form.
 */
import type { Context } from "hono";
import type { Lang } from "../../../shared/i18n.ts";

export const csvSeparator = (lang: Lang) => (lang === "de" ? ";" : ",");

/** One cell: a number as it is; text quoted, quotes doubled, a leading = + - @ tab or CR prefixed with ' so it stays text. */
export function csvCell(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = Array.isArray(value) ? value.join(", ") : value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: readonly unknown[], separator: string) => `${cells.map(csvCell).join(separator)}\r\n`;

/** Headers for a download; the byte order mark is the body's first character (see csvBody). */
export function csvHeaders(c: Context, filename: string): void {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  c.header("Cache-Control", "no-store");
}

export const CSV_BOM = "\uFEFF";

export function csvBody(header: readonly string[], rows: readonly (readonly unknown[])[], separator: string): string {
  return CSV_BOM + [header, ...rows].map((r) => csvLine(r, separator)).join("");
}
