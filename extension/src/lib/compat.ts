/**
 * Browser differences, in one place (with lib/native.ts). Background, popup and options use
 * webextension-polyfill; the content script, which runs on every board page and has 5 ms to spend
 * there, uses the native promise API through lib/native.ts.
 */
import browser from "webextension-polyfill";

/** Session storage (Chrome 102+, Firefox 115+), falling back to local storage where it is missing. */
export function sessionStore(): browser.Storage.StorageArea {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session ?? browser.storage.local;
}
