/**
 * The one way the content script watches the page: a MutationObserver on the body's child list, its
 * callback throttled, so a board that re-renders constantly costs one check per interval at most.
 */
export function observe(callback: () => void, intervalMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      callback();
    }, intervalMs);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
