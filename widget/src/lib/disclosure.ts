/**
 * The disclosures (`<details>`) whose content an element makes only once they were first opened: long
 * lists of options or links inside closed disclosures were most of a first render and showed nothing.
 */

/** `opened` with `key` added if the `toggle` event says its disclosure just opened; else `opened` itself. */
export function withOpened<K>(opened: ReadonlySet<K>, key: K, event: Event): ReadonlySet<K> {
  const open = (event.target as HTMLDetailsElement).open;
  return open && !opened.has(key) ? new Set([...opened, key]) : opened;
}
