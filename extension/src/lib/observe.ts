/**
 * The one way the content script watches the page: a MutationObserver on the body's child list, its
 * callback throttled: the first change after a quiet spell is looked at in the next task, later ones at
 * most once per interval, so a board that re-renders constantly costs one check per interval at most.
 * Changes that only add nodes `ours` recognises (the hint itself) wake nothing; their removal does,
 * since that is how a board's re-render shows.
 */
export function observe(callback: () => void, ours: (node: Node) => boolean, intervalMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const run = () => {
    timer = undefined;
    last = performance.now();
    callback();
  };
  const onlyOurs = (record: MutationRecord) =>
    record.removedNodes.length === 0 && Array.prototype.every.call(record.addedNodes, ours);
  const observer = new MutationObserver((records) => {
    if (timer !== undefined || records.every(onlyOurs)) return;
    timer = setTimeout(run, Math.max(0, last + intervalMs - performance.now()));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
