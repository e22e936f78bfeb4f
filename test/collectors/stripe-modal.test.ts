import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/payment-method-modal.js';
import type {
  MethodCollectedDetail,
  PaymentMethodModal,
} from '../../src/elements/payment-method-modal/payment-method-modal.js';
import { StripeCollector } from '../../src/collectors/stripe-collector.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import { FakeStripe, type FakeStripeOptions } from '../fakes/fake-stripe.js';
import { settings, alertText, button, field, fillBank, submit } from '../elements/payment-method-modal-helpers.js';


/** A pay-invoices-like element: the modal lives in its shadow root. */
class PiLike extends HTMLElement {
  readonly modal: PaymentMethodModal;
  constructor() {
    super();
    this.modal = document.createElement('payment-method-modal');
    this.attachShadow({ mode: 'open' }).append(this.modal);
  }
}
/** A host application that renders the widget inside its own shadow root. */
class HostApp extends HTMLElement {
  readonly inner: PiLike;
  constructor() {
    super();
    this.inner = document.createElement('test-pi-like') as PiLike;
    this.attachShadow({ mode: 'open' }).append(this.inner);
  }
}
customElements.define('test-pi-like', PiLike);
customElements.define('test-host-app', HostApp);

type Placement = 'document' | 'host shadow root';
const cleanups: Array<() => void> = [];

async function setup(
  placement: Placement,
  type: 'card' | 'ach',
  fakeOptions: FakeStripeOptions = {},
  extra: { fallback?: SandboxCollector; theme?: 'dark' | 'light' } = {},
) {
  const fake = new FakeStripe(fakeOptions);
  let modal: PaymentMethodModal;
  if (placement === 'document') {
    modal = document.createElement('payment-method-modal');
    document.body.append(modal);
    cleanups.push(() => modal.remove());
  } else {
    const app = document.createElement('test-host-app') as HostApp;
    document.body.append(app);
    cleanups.push(() => app.remove());
    modal = app.inner.modal;
  }
  modal.type = type;
  modal.company = 'Acme Supply';
  modal.settings = settings;
  modal.amount = { amount: 12345, currency: 'USD' };
  if (extra.theme) modal.theme = extra.theme;
  modal.collector = new StripeCollector({
    publishableKey: 'pk_test_modal',
    loadStripe: fake.loadStripe,
    ...(extra.fallback ? { fallback: extra.fallback } : {}),
  });
  await modal.updateComplete;
  return { fake, modal };
}

async function collected(modal: PaymentMethodModal): Promise<MethodCollectedDetail> {
  const event = oneEvent(modal, 'method-collected');
  submit(modal);
  return (await event).detail;
}

/** Every attribute value and text in the page's light DOM and open shadow roots. */
function pageText(root: ParentNode = document): string {
  const parts: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.attributes) parts.push(a.value);
    if (el instanceof HTMLInputElement) parts.push(el.value);
    if (el.shadowRoot) parts.push(pageText(el.shadowRoot));
  }
  parts.push(root.textContent ?? '');
  return parts.join('|');
}

describe('<payment-method-modal> with the StripeCollector', () => {
  let unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });

  afterEach(async () => {
    await aTimeout(0);
    while (cleanups.length) cleanups.pop()!();
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled, 'unhandled promise rejections').to.deep.equal([]);
  });

  for (const placement of ['document', 'host shadow root'] as const) {
    it(`card, modal in the ${placement}: fields slotted in from light DOM, focused, typed, tokenized; no number anywhere`, async () => {
      const { fake, modal } = await setup(placement, 'card');
      expect(fake.loadCalls, 'nothing loaded before entry opens').to.equal(0);
      await modal.open();
      const element = await fake.mounted();
      expect(fake.mountErrors).to.deep.equal([]);
      const node = fake.mountedNodes[0]!;
      expect(node.getRootNode()).to.equal(document);
      // Inside the dialog on screen (slot chain), and not inert: Stripe's field has the focus.
      const dialog = modal.shadowRoot!.querySelector('dialog')!;
      const rect = node.getBoundingClientRect();
      const box = dialog.getBoundingClientRect();
      expect(rect.height).to.be.greaterThan(20);
      expect(rect.top >= box.top && rect.bottom <= box.bottom && rect.left >= box.left && rect.right <= box.right).to.be.true;
      await waitUntil(() => element.hasFocus, 'Stripe field focused', { timeout: 5000 });
      await expect(modal).to.be.accessible();

      // Submitting an empty form: the error is announced and Stripe's own errors show.
      submit(modal);
      await waitUntil(() => alertText(modal).includes('Complete the card details.'), 'incomplete announced', { timeout: 5000 });

      fake.typeCard('4242 4242 4242 4242');
      const detail = await collected(modal);
      expect(detail).to.deep.equal({
        token: 'pm_card_visa',
        summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 },
        save: false,
      });
      expect(JSON.stringify(detail)).not.to.contain('4242424242424242');
      expect(pageText()).not.to.contain('4242424242424242');
      expect(fake.elementsOptions[0]).to.include({ mode: 'payment', amount: 12345, currency: 'usd', paymentMethodCreation: 'manual' });
      // Closed: Stripe's element destroyed and the light-DOM chain gone.
      expect(element.destroyed).to.be.true;
      expect(document.querySelectorAll('[data-pi-stripe-mount]')).to.have.length(0);
      expect(fake.loadCalls).to.equal(1);
    });
  }

  it('card decline: the decline message is shown at the form and the dialog stays open', async () => {
    const { fake, modal } = await setup('host shadow root', 'card');
    await modal.open();
    await fake.mounted();
    fake.typeCard('4000 0000 0000 0002');
    submit(modal);
    await waitUntil(() => alertText(modal).includes('Your card was declined.'), 'decline shown', { timeout: 5000 });
    expect(modal.opened).to.be.true;
    fake.typeCard('5555 5555 5555 4444');
    expect((await collected(modal)).summary).to.include({ brand: 'mastercard', last4: '4444' });
  });

  it('bank account, nested shadow roots: name and mandate from the modal, account from Stripe', async () => {
    const { fake, modal } = await setup('host shadow root', 'ach');
    await modal.open();
    await fake.mounted();
    expect(fake.mountErrors).to.deep.equal([]);
    expect(fake.elementsOptions[0]!.allowedPaymentMethodTypes).to.deep.equal(['us_bank_account']);
    fake.connectBank();
    field(modal, 'Name on account').value = 'Ada Lovelace';
    field(modal, 'authorize').click();
    const detail = await collected(modal);
    expect(detail.token).to.equal('pm_usBankAccount_success');
    expect(detail.summary).to.deep.equal({ type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' });
    expect(detail.accountHolderName).to.equal('Ada Lovelace');
    expect(detail.achAuthorization?.accountLast4).to.equal('6789');
    expect(detail.achAuthorization?.text).to.contain('ending 6789');
  });

  it('Escape inside Stripe\'s field cancels the dialog like Escape anywhere else', async () => {
    const { fake, modal } = await setup('document', 'card');
    await modal.open();
    const element = await fake.mounted();
    const cancelled = oneEvent(modal, 'method-cancel');
    element.pressEscape();
    expect((await cancelled).detail).to.deep.equal({ type: 'card' });
    expect(modal.opened).to.be.false;
  });

  it('matches the theme: dark tokens give Stripe\'s night theme with our colors, light gives stripe', async () => {
    const dark = await setup('host shadow root', 'card', {}, { theme: 'dark' });
    await dark.modal.open();
    await dark.fake.mounted();
    const darkLook = dark.fake.elementsOptions[0]!.appearance!;
    expect(darkLook.theme).to.equal('night');
    expect(darkLook.variables).to.include({ colorBackground: '#15181d', colorText: '#e6e9ee', colorPrimary: '#7aa7ff', borderRadius: '6px' });
    dark.modal.close();

    const light = await setup('document', 'card', {}, { theme: 'light' });
    await light.modal.open();
    await light.fake.mounted();
    const lightLook = light.fake.elementsOptions[0]!.appearance!;
    expect(lightLook.theme).to.equal('stripe');
    expect(lightLook.variables).to.include({ colorBackground: '#ffffff', colorPrimary: '#1d4ed8', colorDanger: '#b42318' });
    expect(lightLook.variables!.fontFamily).to.contain('system-ui');
  });

  it('Stripe.js blocked: card entry says why; bank entry still works through the fallback', async () => {
    const fallback = new SandboxCollector({ delayMs: 0 });
    const { fake, modal } = await setup('host shadow root', 'card', { load: 'reject' }, { fallback });
    await modal.open();
    await waitUntil(() => alertText(modal).includes('the payment processor could not be loaded'), 'reason shown', {
      timeout: 5000,
    });
    expect(alertText(modal)).to.contain('Card payments are unavailable: the payment processor could not be loaded.');
    expect(modal.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null);
    button(modal, 'Close').click();
    await waitUntil(() => !modal.opened, 'closed', { timeout: 5000 });

    modal.type = 'ach';
    await modal.updateComplete;
    await modal.open();
    await waitUntil(() => modal.shadowRoot!.querySelector('button[type="submit"]'), 'bank fields ready', { timeout: 5000 });
    await fillBank(modal);
    const detail = await collected(modal);
    expect(detail.token).to.equal('pm_usBankAccount_success');
    expect(fake.mountedNodes).to.have.length(0);
  });
});
