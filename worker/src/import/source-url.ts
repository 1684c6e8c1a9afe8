/**
 * Whether the import may fetch a URL: https with a host name. IP literals and local names are refused,
 * so a source cannot point the worker at a private service; development allows http and local hosts
 * (the demo sources and the tests are served there).
 */
const LOCAL = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function sourceUrlAllowed(raw: string, dev: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (dev) return url.protocol === "https:" || url.protocol === "http:";
  const host = url.hostname;
  return (
    url.protocol === "https:" && !host.startsWith("[") && !IPV4.test(host) && !LOCAL.test(host) && host.includes(".")
  );
}
