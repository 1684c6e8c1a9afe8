/**
 * Registers an element once: a second copy of the bundle, or another library that owns the tag, wins
 * quietly. The definition waits for a task of its own, so that evaluating the bundle and drawing the
 * elements are two shorter tasks on the host page's main thread, not one long one. (Until then a host's
 * `:not(:defined)` rule keeps the element's room.)
 */
export async function defineOnce(tag: string, element: CustomElementConstructor): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  if (customElements.get(tag)) return;
  customElements.define(tag, element);
}
