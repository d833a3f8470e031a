/**
 * Defines each element under its tag, unless the page has one there already: a host that loads
 * the script twice (or two versions of it) must not crash on a second define.
 */
export function defineElements(elements: ReadonlyArray<readonly [string, CustomElementConstructor]>) {
  for (const [tag, element] of elements) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
