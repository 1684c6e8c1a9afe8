/** Registers an element once: a second copy of the bundle, or another library that owns the tag, wins quietly. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, element);
}
