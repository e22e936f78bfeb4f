/**
 * Guarded registration: defining a name twice, or loading two copies of the bundle, never throws.
 * The first definition wins.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (customElements.get(name)) return;
  try {
    customElements.define(name, ctor);
  } catch (e) {
    // Another copy raced us to the name, or this constructor is registered under another name.
    if (!(e instanceof DOMException) || e.name !== 'NotSupportedError') throw e;
  }
}
