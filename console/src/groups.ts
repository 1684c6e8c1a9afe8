/** Runs of consecutive items with the same key, in order: a list's months, or its employers with and without a contact. */
export function runsOf<T, K extends string>(items: readonly T[], key: (item: T) => K): { key: K; items: T[] }[] {
  const runs: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = runs.at(-1);
    if (last?.key === k) last.items.push(item);
    else runs.push({ key: k, items: [item] });
  }
  return runs;
}
