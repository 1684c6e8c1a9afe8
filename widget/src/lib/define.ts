import { firstFrameReady } from "./api.ts";

/**
 * Registers an element once: a second copy of the bundle, or another library that owns the tag, wins
 * quietly. The work is spread over tasks so that none is long on the host page's main thread: the class
 * is prepared (Lit turns its property declarations into accessors) while the bundle is evaluated, and the
 * definition, which draws every element already on the page, waits for a task of its own, and (briefly)
 * for the first pages the loader is fetching for them, so that they are drawn with their results rather
 * than as skeletons replaced a frame later. (Until then a host's `:not(:defined)` rule keeps their room.)
 */
export async function defineOnce(tag: string, element: CustomElementConstructor): Promise<void> {
  void (element as { observedAttributes?: unknown }).observedAttributes;
  await new Promise((resolve) => setTimeout(resolve));
  await Promise.all(Array.from(document.getElementsByTagName(tag), firstFrameReady));
  if (customElements.get(tag)) return;
  customElements.define(tag, element);
}
