/**
 * The extension API as both browsers ship it in Manifest V3, promise-based: `browser` in Firefox,
 * `chrome` in Chrome. The content script uses this instead of webextension-polyfill, whose start-up it
 * would pay on every board page (see lib/compat.ts for the rest of the browser differences).
 */
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
