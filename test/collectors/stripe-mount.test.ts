import { expect } from '@open-wc/testing';
import { createLightDomMount } from '../../src/collectors/stripe/light-dom-mount.js';
import { FakeStripe, IntegrationError, SHADOW_ROOT_MESSAGE } from '../fakes/fake-stripe.js';

/** A modal-like host: its shadow root renders a dialog with `<slot name="stripe-mount">`. */
class MountModal extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const dialog = document.createElement('dialog');
    const title = document.createElement('h2');
    title.textContent = 'Enter Card Info';
    const slot = document.createElement('slot');
    slot.name = 'stripe-mount';
    dialog.append(title, slot);
    root.append(dialog);
  }
  get dialog(): HTMLDialogElement {
    return this.shadowRoot!.querySelector('dialog')!;
  }
  get slotEl(): HTMLSlotElement {
    return this.shadowRoot!.querySelector('slot')!;
  }
}

/** A pay-invoices-like host: its shadow root holds the next level (and a default slot). */
function wrapperClass(inner: string) {
  return class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.append(document.createElement('slot'), document.createElement(inner));
    }
  };
}

customElements.define('test-mount-modal', MountModal);
customElements.define('test-mount-wrapper', wrapperClass('test-mount-modal'));
customElements.define('test-mount-outer', wrapperClass('test-mount-wrapper'));

/** Builds the modal inside `depth` shadow roots (0: in the document). */
function place(depth: 0 | 1 | 2): { top: HTMLElement; modal: MountModal } {
  const tag = ['test-mount-modal', 'test-mount-wrapper', 'test-mount-outer'][depth]!;
  const top = document.createElement(tag);
  document.body.append(top);
  let modal: Element = top;
  while (!(modal instanceof MountModal)) modal = modal.shadowRoot!.lastElementChild!;
  return { top, modal };
}

/** Every chain node in the document and its open shadow roots. */
function chainNodes(root: ParentNode = document): Element[] {
  const found = [...root.querySelectorAll('[data-pi-stripe-chain], [data-pi-stripe-mount]')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...chainNodes(el.shadowRoot));
  return found;
}

function inside(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
}

describe('createLightDomMount', () => {
  for (const depth of [0, 1, 2] as const) {
    it(`mounts in the document's light DOM and renders inside the dialog with ${depth} shadow root(s) above the modal`, () => {
      const { top, modal } = place(depth);
      try {
        modal.dialog.showModal();
        const { mountNode, dispose } = createLightDomMount(modal, 'stripe-mount');
        const content = document.createElement('div');
        content.style.height = '40px';
        content.textContent = 'fields';
        mountNode.append(content);

        expect(mountNode.getRootNode()).to.equal(document);
        // One forwarding <slot> per shadow root between the modal and the document.
        expect(chainNodes().filter((n) => n.localName === 'slot')).to.have.length(depth);
        // The browser's flattening carries the node into the modal's slot…
        expect(modal.slotEl.assignedElements({ flatten: true })).to.deep.equal([mountNode]);
        // …and it is laid out inside the dialog.
        const rect = mountNode.getBoundingClientRect();
        expect(rect.height).to.be.at.least(40);
        expect(inside(rect, modal.dialog.getBoundingClientRect())).to.be.true;
        expect(mountNode.checkVisibility()).to.be.true;

        dispose();
        dispose(); // idempotent
        expect(chainNodes()).to.have.length(0);
        expect(modal.slotEl.assignedElements({ flatten: true })).to.have.length(0);
      } finally {
        modal.dialog.close();
        top.remove();
      }
    });
  }

  it('lets the fake Stripe mount there, while mounting inside a shadow root throws Stripe\'s IntegrationError', async () => {
    const { top, modal } = place(2);
    try {
      const fake = new FakeStripe();
      const stripe = (await fake.loadStripe('pk_test_mount'))!;
      const group = stripe.elements({
        mode: 'setup',
        currency: 'usd',
        allowedPaymentMethodTypes: ['card'],
        paymentMethodCreation: 'manual',
      });
      const inShadow = document.createElement('div');
      modal.shadowRoot!.append(inShadow);
      const element = group.create('payment');
      expect(() => element.mount(inShadow)).to.throw(IntegrationError, SHADOW_ROOT_MESSAGE);

      const { mountNode, dispose } = createLightDomMount(modal, 'stripe-mount');
      element.mount(mountNode);
      expect(fake.mountedNodes).to.deep.equal([mountNode]);
      element.destroy();
      dispose();
    } finally {
      top.remove();
    }
  });

  it('refuses an element that is not in a document', () => {
    const detached = document.createElement('test-mount-modal');
    expect(() => createLightDomMount(detached, 'stripe-mount')).to.throw(/not in a document/);
  });

  it('gives each chain unique slot names (two widgets open at once)', () => {
    const a = place(1);
    const b = place(1);
    try {
      const ma = createLightDomMount(a.modal, 'stripe-mount');
      const mb = createLightDomMount(b.modal, 'stripe-mount');
      expect(ma.mountNode.slot).not.to.equal(mb.mountNode.slot);
      expect(a.modal.slotEl.assignedElements({ flatten: true })).to.deep.equal([ma.mountNode]);
      expect(b.modal.slotEl.assignedElements({ flatten: true })).to.deep.equal([mb.mountNode]);
      ma.dispose();
      mb.dispose();
    } finally {
      a.top.remove();
      b.top.remove();
    }
  });
});
