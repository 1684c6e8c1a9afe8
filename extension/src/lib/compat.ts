/** Browser differences, in one place; everything else uses webextension-polyfill. */
import browser from "webextension-polyfill";

/** Session storage (Chrome 102+, Firefox 115+), falling back to local storage where it is missing. */
export function sessionStore(): browser.Storage.StorageArea {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session ?? browser.storage.local;
}
