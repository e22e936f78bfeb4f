import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import {
  StripeCollector,
  stripeLocale,
  summarizePaymentMethod,
} from '../../src/collectors/stripe-collector.js';
import { chooseCollector } from '../../src/collectors/choose.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import { CollectorError, type CollectorSession, type PaymentCollector } from '../../src/collectors/types.js';
import type { StripeFields } from '../../src/collectors/stripe/stripe-fields.js';
import { FakeStripe, type FakeStripeOptions } from '../fakes/fake-stripe.js';

const KEY = 'pk_test_51FakeKeyForTests';

/** A host element with a shadow root (like the modal inside <pay-invoices>), `depth` levels deep. */
class ShadowBox extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).append(document.createElement('div'));
  }
  get inner(): HTMLDivElement {
    return this.shadowRoot!.firstElementChild as HTMLDivElement;
  }
}
customElements.define('test-shadow-box', ShadowBox);

const cleanups: Array<() => void> = [];

/** Where the session element goes: the document (depth 0) or inside `depth` nested shadow roots. */
function placeForFields(depth: 0 | 1 | 2): HTMLElement {
  let parent: HTMLElement = document.createElement('div');
  document.body.append(parent);
  const top = parent;
  cleanups.push(() => top.remove());
  for (let i = 0; i < depth; i++) {
    const box = document.createElement('test-shadow-box') as ShadowBox;
    parent.append(box);
    parent = box.inner;
  }
  return parent;
}

function setup(options: FakeStripeOptions = {}, extra: Partial<ConstructorParameters<typeof StripeCollector>[0]> = {}) {
  const fake = new FakeStripe(options);
  const collector = new StripeCollector({ publishableKey: KEY, loadStripe: fake.loadStripe, ...extra });
  return { fake, collector };
}

async function openSession(
  collector: PaymentCollector,
  type: 'card' | 'ach',
  depth: 0 | 1 | 2 = 1,
  host: HTMLElement = document.body,
): Promise<CollectorSession> {
  const session = await collector.open({ type, locale: 'en', host });
  cleanups.push(() => session.destroy());
  placeForFields(depth).append(session.element);
  return session;
}

async function rejection(p: Promise<unknown>): Promise<CollectorError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(CollectorError);
    return e as CollectorError;
  }
  throw new Error('expected a CollectorError');
}

describe('StripeCollector', () => {
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

  describe('mounting', () => {
    for (const depth of [0, 1, 2] as const) {
      it(`mounts the Payment Element in light DOM with the fields ${depth} shadow root(s) deep, without IntegrationError`, async () => {
        const { fake, collector } = setup();
        const session = await openSession(collector, 'card', depth);
        const element = await fake.mounted();
        expect(fake.mountErrors).to.deep.equal([]);
        const node = fake.mountedNodes[0]!;
        expect(node.getRootNode()).to.equal(document);
        // Rendered inside the session element's slot (through every shadow root).
        const slot = session.element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="stripe-mount"]')!;
        expect(slot.assignedElements({ flatten: true })).to.deep.equal([node]);
        const rect = node.getBoundingClientRect();
        const box = session.element.getBoundingClientRect();
        expect(rect.height).to.be.greaterThan(20);
        expect(rect.top).to.be.at.least(box.top - 0.5);
        expect(rect.bottom).to.be.at.most(box.bottom + 0.5);
        await waitUntil(() => (session.element as StripeFields).status === 'ready', 'ready', { timeout: 5000 });
        // Destroying removes Stripe's element and the whole chain.
        session.destroy();
        expect(element.destroyed).to.be.true;
        expect(node.isConnected).to.be.false;
        expect(document.querySelectorAll('[data-pi-stripe-mount]')).to.have.length(0);
      });
    }

    it('limits the Payment Element to the method and creates PaymentMethods manually (setup mode without an amount)', async () => {
      const { fake, collector } = setup();
      await openSession(collector, 'card');
      await fake.mounted();
      const options = fake.elementsOptions[0]!;
      expect(options).to.include({ mode: 'setup', currency: 'usd', paymentMethodCreation: 'manual', locale: 'en' });
      expect(options.allowedPaymentMethodTypes).to.deep.equal(['card']);
      expect(options).not.to.have.property('paymentMethodTypes');
      expect(options).not.to.have.property('amount');
      expect(options.appearance?.variables).to.have.property('colorPrimary');
    });

    it('uses payment mode with the host amount (minor units, lowercase currency)', async () => {
      const { fake, collector } = setup();
      const host = Object.assign(document.createElement('div'), { amount: { amount: 25000, currency: 'USD' } });
      await openSession(collector, 'ach', 1, host);
      await fake.mounted();
      expect(fake.elementsOptions[0]).to.include({ mode: 'payment', amount: 25000, currency: 'usd' });
      expect(fake.elementsOptions[0]!.allowedPaymentMethodTypes).to.deep.equal(['us_bank_account']);
      expect(fake.paymentElementOptions[0]).to.deep.include({
        fields: { billingDetails: { name: 'never' } },
        terms: { usBankAccount: 'never' },
      });
    });

    it('focus() before Stripe is ready focuses the field once it is', async () => {
      const { fake, collector } = setup({ readyDelayMs: 30 });
      const session = await openSession(collector, 'card', 2);
      session.focus();
      const element = await fake.mounted();
      await waitUntil(() => element.hasFocus, 'fake field focused', { timeout: 5000 });
    });
  });

  describe('collecting', () => {
    it('card: token and summary from the PaymentMethod; nothing else leaves', async () => {
      const { fake, collector } = setup();
      const session = await openSession(collector, 'card');
      await fake.mounted();
      fake.typeCard('4242 4242 4242 4242');
      const result = await session.collect();
      expect(result).to.deep.equal({
        token: 'pm_card_visa',
        summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 },
      });
      expect(fake.calls.filter((c) => c === 'submit' || c === 'createPaymentMethod')).to.deep.equal(['submit', 'createPaymentMethod']);
    });

    it('incomplete entry: validate() reports it beside the fields; collect() rejects with Stripe\'s message', async () => {
      const { fake, collector } = setup();
      const session = await openSession(collector, 'card');
      await fake.mounted();
      await waitUntil(() => (session.element as StripeFields).status === 'ready', 'ready', { timeout: 5000 });
      const validating = session as CollectorSession & { validate(): CollectorError[] };
      const errors = validating.validate();
      expect(errors.map((e) => [e.message, e.field])).to.deep.equal([['Complete the card details.', 'payment-element']]);
      fake.typeCard('4242 4242 4242 4241');
      const error = await rejection(session.collect());
      expect(error.message).to.equal('Your card number is invalid.');
      expect(error.field).to.equal('payment-element');
    });

    it('decline test card → CollectorError with the decline message (no field: shown at the form)', async () => {
      const { fake, collector } = setup();
      const session = await openSession(collector, 'card');
      await fake.mounted();
      fake.typeCard('4000000000000002');
      const error = await rejection(session.collect());
      expect(error.message).to.equal('Your card was declined.');
      expect(error.code).to.equal('generic_decline');
      expect(error.field).to.be.undefined;
      fake.typeCard('4000000000009995');
      expect((await rejection(session.collect())).message).to.equal('Your card has insufficient funds.');
    });

    it('3-D Secure test card creates a PaymentMethod; next action completes or is cancelled', async () => {
      const { fake, collector } = setup();
      const session = await openSession(collector, 'card');
      await fake.mounted();
      fake.typeCard('4000 0025 0000 3155');
      expect((await session.collect()).token).to.equal('pm_card_threeDSecure2Required');

      const host = document.body;
      expect(await collector.handleNextAction('pi_123_secret_abc', { host, locale: 'en' })).to.deep.equal({ completed: true });
      expect(fake.nextActionSecrets).to.deep.equal(['pi_123_secret_abc']);
      fake.options.nextAction = 'cancel';
      expect(await collector.handleNextAction('pi_123_secret_abc', { host, locale: 'en' })).to.deep.equal({ completed: false });
      fake.options.nextAction = 'requires_payment_method';
      expect(await collector.handleNextAction('pi_123_secret_abc', { host, locale: 'en' })).to.deep.equal({ completed: false });
      fake.options.nextAction = 'throw';
      expect(await collector.handleNextAction('pi_123_secret_abc', { host, locale: 'en' })).to.deep.equal({ completed: false });
    });

    it('ACH: bank account PaymentMethod with the account holder name; processing next action; micro-deposits', async () => {
      const { fake, collector } = setup();
      const session = (await openSession(collector, 'ach')) as CollectorSession & {
        setBillingDetails(d: { name?: string }): void;
      };
      await fake.mounted();
      fake.connectBank();
      // Without the name the modal asks for, Stripe refuses (name: 'never' in the element).
      expect((await rejection(session.collect())).message).to.contain('billing_details[name]');
      session.setBillingDetails({ name: 'Ada Lovelace' });
      const result = await session.collect();
      expect(result).to.deep.equal({
        token: 'pm_usBankAccount_success',
        summary: { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '6789', accountType: 'checking' },
      });

      fake.options.nextAction = 'processing';
      expect(await collector.handleNextAction('pi_ach_secret_x', { host: document.body, locale: 'en' })).to.deep.equal({
        completed: true,
      });
      expect(await collector.verifyMicrodeposits('pi_ach_secret_x', { descriptorCode: ' sm11aa ' })).to.deep.equal({
        verified: true,
        status: 'processing',
      });
      expect(await collector.verifyMicrodeposits('pi_ach_secret_x', { amounts: [32, 45] })).to.include({ verified: true });
      const wrong = await collector.verifyMicrodeposits('pi_ach_secret_x', { descriptorCode: 'SM00ZZ' });
      expect(wrong.verified).to.be.false;
      expect(wrong.message).to.match(/do not match/);
    });

    it('a destroyed session refuses to collect', async () => {
      const { fake, collector } = setup();
      const session = await openSession(collector, 'card');
      await fake.mounted();
      fake.typeCard('4242424242424242');
      session.destroy();
      expect((await rejection(session.collect())).code).to.equal('session_closed');
    });
  });

  describe('loading', () => {
    it('does not load Stripe.js until entry is opened, then loads it once', async () => {
      const { fake, collector } = setup();
      expect(fake.loadCalls).to.equal(0);
      expect(collector.loaded).to.be.false;
      await openSession(collector, 'card');
      await openSession(collector, 'ach');
      expect(await collector.availability('card')).to.deep.equal({ available: true });
      expect(fake.loadCalls).to.equal(1);
      expect(fake.keys).to.deep.equal([KEY]);
    });

    for (const load of ['reject', 'null'] as const) {
      it(`Stripe.js cannot load (${load}): card unavailable with a reason; ACH falls back; retried next time`, async () => {
        const fallback = new SandboxCollector({ delayMs: 0 });
        const { fake, collector } = setup({ load }, { fallback });
        const card = await collector.availability('card');
        expect(card.available).to.be.false;
        expect(!card.available && card.reason).to.match(
          /^Card payments are unavailable: the payment processor could not be loaded\. /,
        );
        const error = await rejection(collector.open({ type: 'card', locale: 'en', host: document.body }));
        expect(error.code).to.equal('processor_unavailable');
        expect(await collector.availability('ach')).to.deep.equal({ available: true });
        const session = await openSession(collector, 'ach');
        expect(session.element.localName).to.equal('pi-sandbox-bank-fields');
        // A next action goes to the fallback too (the sandbox shows its test challenge).
        const action = collector.handleNextAction('pi_1_secret_2', { host: document.body, locale: 'en' });
        const challenge = await waitUntil(() => document.body.querySelector('pi-sandbox-challenge'), 'challenge', { timeout: 5000 })
          .then(() => document.body.querySelector('pi-sandbox-challenge')!);
        await challenge.updateComplete;
        [...challenge.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Fail'))!.click();
        expect(await action).to.deep.equal({ completed: false });
        challenge.remove();
        const calls = fake.loadCalls;
        fake.options.load = 'ok';
        expect(await collector.availability('card')).to.deep.equal({ available: true });
        expect(fake.loadCalls).to.equal(calls + 1);
      });
    }

    it('without a fallback, bank entry is unavailable too; next action is not completed', async () => {
      const { collector } = setup({ load: 'reject' });
      const ach = await collector.availability('ach');
      expect(!ach.available && ach.reason).to.match(/^Bank account payments are unavailable/);
      expect(await collector.handleNextAction('pi_1_secret_2', { host: document.body, locale: 'en' })).to.deep.equal({
        completed: false,
      });
      expect((await collector.verifyMicrodeposits('pi_1_secret_2', { descriptorCode: 'SM11AA' })).verified).to.be.false;
    });

    it('gives up on a load that never settles (timeout)', async () => {
      const { collector } = setup({ load: 'hang' }, { loadTimeoutMs: 30 });
      expect((await collector.availability('card')).available).to.be.false;
    });

    it('finds a Stripe already on window through the real loadStripe (@stripe/stripe-js/pure), injecting no script', async () => {
      const fake = new FakeStripe();
      const restore = fake.install();
      cleanups.push(restore);
      const collector = new StripeCollector({ publishableKey: 'pk_test_viaWindow' });
      expect(await collector.availability('card')).to.deep.equal({ available: true });
      expect(fake.keys).to.deep.equal(['pk_test_viaWindow']);
      expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
    });
  });

  describe('configuration', () => {
    it('chooseCollector: a key gives the StripeCollector (never the sandbox) and loads nothing; no key gives the sandbox', () => {
      const fake = new FakeStripe();
      const stripe = chooseCollector({ stripePublishableKey: ` ${KEY} `, stripe: { loadStripe: fake.loadStripe } });
      expect(stripe).to.be.instanceOf(StripeCollector);
      expect(stripe.kind).to.equal('stripe');
      expect(stripe.testMode).to.be.true;
      expect((stripe as StripeCollector).publishableKey).to.equal(KEY);
      expect(fake.loadCalls).to.equal(0);
      expect(chooseCollector({ stripePublishableKey: 'pk_live_abc' }).testMode).to.be.false;
      for (const none of [undefined, null, '', '   ']) {
        expect(chooseCollector({ stripePublishableKey: none })).to.be.instanceOf(SandboxCollector);
      }
      expect(chooseCollector()).to.be.instanceOf(SandboxCollector);
      expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
    });

    it('chooseCollector: with a test key and Stripe.js not loading, bank entry falls back to the sandbox; with a live key it says why', async () => {
      const blocked = { loadStripe: () => Promise.reject(new Error('Stripe.js blocked')) };
      const test = chooseCollector({ stripePublishableKey: 'pk_test_blocked', stripe: blocked });
      expect(await test.availability('ach')).to.deep.equal({ available: true });
      expect((await test.availability('card')).available).to.equal(false);
      const live = chooseCollector({ stripePublishableKey: 'pk_live_blocked', stripe: blocked });
      expect((await live.availability('ach')).available).to.equal(false);
    });

    it('refuses secret keys and a TEST MODE fallback with a live key', () => {
      expect(() => chooseCollector({ stripePublishableKey: 'sk_live_123' })).to.throw(TypeError, /secret key/);
      expect(() => new StripeCollector({ publishableKey: 'rk_test_123' })).to.throw(TypeError, /secret key/);
      expect(() => new StripeCollector({ publishableKey: '' })).to.throw(TypeError);
      expect(
        () => new StripeCollector({ publishableKey: 'pk_live_123', fallback: new SandboxCollector() }),
      ).to.throw(TypeError, /TEST MODE/);
    });

    it('maps locales to Stripe Elements locales and PaymentMethods to summaries', () => {
      expect(['fr-CA', 'de-AT', 'en_US', 'pt-br', 'xx', ''].map(stripeLocale)).to.deep.equal([
        'fr-CA',
        'de',
        'en',
        'pt-BR',
        'auto',
        'auto',
      ]);
      expect(
        summarizePaymentMethod(
          { id: 'pm_1', type: 'us_bank_account', us_bank_account: { bank_name: null, last4: '1234', account_type: 'savings' } },
          'Bank account',
        ),
      ).to.deep.equal({ type: 'ach', bankName: 'Bank account', last4: '1234', accountType: 'savings' });
      expect(
        summarizePaymentMethod({ id: 'pm_1', type: 'card', card: { brand: 'visa', last4: 'x1', exp_month: 1, exp_year: 2030 } }, ''),
      ).to.equal(null);
      expect(summarizePaymentMethod({ id: 'pm_1', type: 'klarna' }, '')).to.equal(null);
    });
  });
});
