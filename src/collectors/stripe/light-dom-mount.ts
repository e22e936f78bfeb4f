/**
 * Stripe Elements refuse to mount inside a shadow root ("Elements cannot be mounted in a ShadowRoot.
 * Please mount in the Light DOM."). `createLightDomMount` builds a node in the document's light
 * DOM that is *rendered* inside a shadow tree, by slotting it through every shadow root between
 * that tree and the document:
 *
 * ```
 * document
 * └─ <host-app>                     ← gets <div slot="pi-stripe-2"> (the mount node, light DOM)
 *    └─ #shadow-root
 *       ├─ <slot name="pi-stripe-2" slot="pi-stripe-1">   (inserted into <pay-invoices>)
 *       └─ <pay-invoices>
 *          └─ #shadow-root
 *             ├─ <slot name="pi-stripe-1" slot="stripe-mount">  (inserted into the modal)
 *             └─ <payment-method-modal> … <slot name="stripe-mount"> inside its shadow tree
 * ```
 *
 * Each inserted `<slot>` is a light-DOM child of one shadow host *and* a slot of the shadow tree
 * it sits in, so the browser's flattening carries the outermost `<div>` down into
 * `fromElement`'s `<slot name=slotName>`. With no shadow root above `fromElement`, the mount node
 * is simply its light-DOM child.
 *
 * Limits: a shadow root created with `slotAssignment: 'manual'` does not assign by name, and a
 * host that re-renders (removes) unknown light-DOM children breaks the chain; the chain is
 * rebuilt on the next open.
 */

export interface LightDomMount {
  /** An empty `<div>` in the document's light DOM, rendered at `fromElement`'s slot. */
  readonly mountNode: HTMLElement;
  /** Removes every node the chain added. Safe to call more than once. */
  dispose(): void;
}

let counter = 0;

/** A slot name that is unique in this document (several widgets may be open at once). */
function nextSlotName(): string {
  counter += 1;
  return `pi-stripe-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Builds the slot chain from `fromElement` (a shadow host whose shadow tree renders
 * `<slot name="${slotName}">`) up to the document, and returns the light-DOM mount node.
 * `fromElement` must be connected to a document.
 */
export function createLightDomMount(fromElement: Element, slotName: string): LightDomMount {
  if (!fromElement.isConnected) throw new Error('createLightDomMount: the element is not in a document.');
  const doc = fromElement.ownerDocument;
  const added: Element[] = [];
  let host: Element = fromElement;
  let assignTo = slotName;
  // Every shadow root between `host` and the document adds one forwarding <slot>.
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = host.getRootNode()) {
    const forward = doc.createElement('slot');
    const name = nextSlotName();
    forward.name = name;
    forward.slot = assignTo;
    forward.setAttribute('data-pi-stripe-chain', '');
    host.append(forward);
    added.push(forward);
    host = root.host;
    assignTo = name;
  }
  const mountNode = doc.createElement('div');
  mountNode.slot = assignTo;
  mountNode.setAttribute('data-pi-stripe-mount', '');
  host.append(mountNode);
  added.push(mountNode);

  let disposed = false;
  return {
    mountNode,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const node of added.reverse()) node.remove();
    },
  };
}
