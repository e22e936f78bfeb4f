/**
 * A fake Stripe.js for tests and stories: Stripe's servers are unreachable here. It behaves like
 * the real one where the StripeCollector depends on it:
 *
 * - `elements(options)` throws an IntegrationError for `paymentMethodTypes` (Stripe.js "endive"
 *   refuses it; `allowedPaymentMethodTypes` is the option now) and for payment mode without an
 *   amount and currency.
 * - `element.mount(node)` throws an IntegrationError with Stripe's exact message when `node` is in a
 *   shadow root; it renders an iframe-like box (a closed shadow root: the page cannot read it,
 *   like a cross-origin frame), then emits `ready`, and `change` as the payer types.
 * - `elements.submit()` validates; `createPaymentMethod({elements})` needs `paymentMethodCreation:
 *   'manual'` and a prior submit, and answers from Stripe's documented test cards and bank
 *   accounts (decline cards → `card_error`; 3-D Secure cards → a PaymentMethod).
 * - `handleNextAction({clientSecret})` succeeds or, when told the payer cancels, fails with
 *   `payment_intent_authentication_failure`; `verifyMicrodepositsForPayment` accepts SM11AA / 32+45.
 *
 * Inject it with `new StripeCollector({publishableKey, loadStripe: fake.loadStripe})`, or set
 * `window.Stripe` (`fake.install()`) so the real `loadStripe` from '@stripe/stripe-js/pure' finds
 * it and never injects a script.
 *
 * Test helpers "type" into the fake (`typeCard`, `connectBank`); the number stays inside the fake.
 */
import { luhnValid } from '../../src/core/cards.js';
import { findTestBankAccount, findTestCard, type TestCardOutcome } from '../../src/core/test-cards.js';
import type {
  LoadStripeLike,
  StripeAppearanceLike,
  StripeElementsLike,
  StripeElementsOptionsLike,
  StripeErrorLike,
  StripeIntentLike,
  StripeLike,
  StripePaymentElementChangeLike,
  StripePaymentElementLike,
  StripePaymentElementOptionsLike,
  StripePaymentMethodLike,
} from '../../src/collectors/stripe/stripe-like.js';

export const SHADOW_ROOT_MESSAGE = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
}

export type FakeLoadBehavior = 'ok' | 'reject' | 'null' | 'hang';
export type FakeNextAction = 'succeed' | 'cancel' | 'processing' | 'requires_payment_method' | 'throw';

export interface FakeStripeOptions {
  /** What `loadStripe` does: load, reject (blocked/offline), resolve null, or never settle. */
  load?: FakeLoadBehavior;
  /** Delay before `ready` after mounting (ms, default 0). */
  readyDelayMs?: number;
  /** Latency of `createPaymentMethod` (ms, default 0). */
  latencyMs?: number;
  /** How `handleNextAction` ends (default `succeed`). */
  nextAction?: FakeNextAction;
}

const DECLINES: Partial<Record<TestCardOutcome, StripeErrorLike>> = {
  generic_decline: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  insufficient_funds: {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  lost_card: { type: 'card_error', code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.' },
  stolen_card: { type: 'card_error', code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' },
  expired_card: { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' },
  incorrect_cvc: { type: 'card_error', code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  processing_error: {
    type: 'card_error',
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const frameStyles = `
  :host { display: block; }
  .box { display: block; min-height: 44px; padding: 8px; border: 1px solid #8a94a6; border-radius: 6px;
         font: 14px system-ui, sans-serif; background: #fff; color: #1f2328; }
  label { display: flex; flex-direction: column; gap: 4px; }
  input { font: inherit; padding: 6px; }
`;

/**
 * Like Stripe, the fields follow the Elements group's `appearance` (a subset: colors, font, radius,
 * the `.Input` border), so stories show the theme mapping. Values that are not plain CSS are ignored.
 */
function appearanceStyles(appearance: StripeAppearanceLike | undefined): string {
  const v = appearance?.variables ?? {};
  const ok = (value: string | undefined): value is string => !!value && /^[\w\s#(),.%'"+-]+$/.test(value);
  const box: string[] = [];
  const input: string[] = [];
  if (ok(v['colorBackground'])) {
    box.push(`background: ${v['colorBackground']};`);
    input.push(`background: ${v['colorBackground']};`);
  }
  if (ok(v['colorText'])) {
    box.push(`color: ${v['colorText']};`);
    input.push(`color: ${v['colorText']};`);
  }
  if (ok(v['fontFamily'])) box.push(`font-family: ${v['fontFamily']};`);
  if (ok(v['borderRadius'])) box.push(`border-radius: ${v['borderRadius']};`);
  const border = appearance?.rules?.['.Input']?.['borderColor'];
  if (ok(border)) input.push(`border: 1px solid ${border};`);
  const focus = ok(v['colorPrimary']) ? `input:focus, button:focus { outline: 2px solid ${v['colorPrimary']}; }` : '';
  return `.box { ${box.join(' ')} } input { ${input.join(' ')} } ${focus}`;
}

type Handler = (event: never) => unknown;

/** The fake Payment Element. */
export class FakePaymentElement implements StripePaymentElementLike {
  readonly handlers = new Map<string, Handler[]>();
  host?: HTMLDivElement;
  private _input?: HTMLInputElement;
  private _button?: HTMLButtonElement;
  destroyed = false;
  /** Card: the digits typed (kept inside the fake). */
  private _number = '';
  private _exp = { month: 12, year: 2034 };
  /** Bank: the test account chosen. */
  private _bankAccount = '';
  submitted = false;

  constructor(
    readonly fake: FakeStripe,
    readonly group: FakeElements,
    readonly options: StripePaymentElementOptionsLike,
  ) {}

  get methodType(): 'card' | 'us_bank_account' {
    return this.group.options.allowedPaymentMethodTypes[0] === 'us_bank_account' ? 'us_bank_account' : 'card';
  }

  get mounted(): boolean {
    return !!this.host?.isConnected && !this.destroyed;
  }

  on(eventType: string, handler: Handler): this {
    const list = this.handlers.get(eventType) ?? [];
    list.push(handler);
    this.handlers.set(eventType, list);
    return this;
  }

  private emit(eventType: string, event: object): void {
    for (const handler of this.handlers.get(eventType) ?? []) (handler as (e: object) => unknown)(event);
  }

  mount(domElement: HTMLElement | string): void {
    this.fake.calls.push('mount');
    if (this.destroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
    const node = typeof domElement === 'string' ? document.querySelector<HTMLElement>(domElement) : domElement;
    if (!node) throw new IntegrationError('The selector you specified (' + String(domElement) + ') applies to no DOM elements.');
    if (node.getRootNode() instanceof ShadowRoot) {
      const error = new IntegrationError(SHADOW_ROOT_MESSAGE);
      this.fake.mountErrors.push(error);
      throw error;
    }
    if (this.host) {
      throw new IntegrationError('This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.');
    }
    const host = document.createElement('div');
    host.className = '__FakeStripeElement';
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(frameStyles + appearanceStyles(this.group.options.appearance));
    root.adoptedStyleSheets = [sheet];
    const box = document.createElement('div');
    box.className = 'box';
    if (this.methodType === 'card') {
      const label = document.createElement('label');
      label.textContent = 'Card number (fake Stripe)';
      const input = document.createElement('input');
      input.autocomplete = 'cc-number';
      input.inputMode = 'numeric';
      input.addEventListener('input', () => this.setNumber(input.value));
      label.append(input);
      box.append(label);
      this._input = input;
    } else {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Connect a test bank account (fake Stripe)';
      button.addEventListener('click', () => this.setBank('000123456789'));
      box.append(button);
      this._button = button;
    }
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.emit('escape', { elementType: 'payment' });
      }
    });
    root.append(box);
    node.append(host);
    this.host = host;
    this.fake.mountedNodes.push(node);
    const ready = () => {
      if (!this.destroyed) this.emit('ready', { elementType: 'payment' });
    };
    const delay = this.fake.options.readyDelayMs ?? 0;
    setTimeout(ready, delay);
  }

  unmount(): void {
    this.host?.remove();
    this.host = undefined;
  }

  destroy(): void {
    this.fake.calls.push('destroy');
    this.unmount();
    this.destroyed = true;
    this._number = '';
    this._bankAccount = '';
    this.handlers.clear();
  }

  focus(): void {
    (this._input ?? this._button)?.focus();
  }

  /** The payer pressed Escape inside the (iframe-like) field: Stripe emits `escape`. */
  pressEscape(): void {
    this.emit('escape', { elementType: 'payment' });
  }

  /** Whether the focused element of the page is this fake's field. */
  get hasFocus(): boolean {
    return !!this.host && document.activeElement === this.host;
  }

  // --- state ---------------------------------------------------------------------------------

  setNumber(value: string, exp?: { month: number; year: number }): void {
    this._number = value.replace(/[\s-]/g, '');
    if (exp) this._exp = exp;
    this.submitted = false;
    this.emitChange();
  }

  setBank(account: string): void {
    this._bankAccount = account;
    this.submitted = false;
    this.emitChange();
  }

  private get complete(): boolean {
    if (this.methodType === 'card') return /^\d{13,19}$/.test(this._number) && luhnValid(this._number);
    return !!findTestBankAccount('110000000', this._bankAccount);
  }

  private emitChange(): void {
    const event: StripePaymentElementChangeLike & { elementType: 'payment'; collapsed: boolean } = {
      elementType: 'payment',
      complete: this.complete,
      empty: this.methodType === 'card' ? this._number === '' : this._bankAccount === '',
      collapsed: false,
      value: { type: this.methodType },
    };
    this.emit('change', event);
  }

  /** What `elements.submit()` says about the entry. */
  validation(): StripeErrorLike | null {
    if (this.complete) return null;
    if (this.methodType === 'us_bank_account') {
      return { type: 'validation_error', code: 'incomplete', message: 'Connect your bank account to continue.' };
    }
    if (this._number === '') return { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' };
    return { type: 'validation_error', code: 'invalid_number', message: 'Your card number is invalid.' };
  }

  /** The PaymentMethod (or error) Stripe would create from this entry. */
  paymentMethod(params?: { billing_details?: { name?: string } }): { paymentMethod?: StripePaymentMethodLike; error?: StripeErrorLike } {
    if (this.methodType === 'us_bank_account') {
      const account = findTestBankAccount('110000000', this._bankAccount);
      if (this.options.fields?.billingDetails?.name === 'never' && !params?.billing_details?.name) {
        return {
          error: {
            type: 'invalid_request_error',
            code: 'parameter_missing',
            param: 'billing_details[name]',
            message: 'Missing required param: billing_details[name].',
          },
        };
      }
      if (!account) return { error: { type: 'validation_error', code: 'incomplete', message: 'Connect your bank account to continue.' } };
      return {
        paymentMethod: {
          id: account.token,
          type: 'us_bank_account',
          us_bank_account: { bank_name: 'STRIPE TEST BANK', last4: account.account.slice(-4), account_type: 'checking' },
        },
      };
    }
    const card = findTestCard(this._number);
    if (!card) {
      return {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'test_mode_live_card',
          message: 'Your card was declined. Your request was in test mode, but used a non test (live) card.',
        },
      };
    }
    const decline = DECLINES[card.outcome];
    if (decline) return { error: { ...decline } };
    return {
      paymentMethod: {
        id: card.token,
        type: 'card',
        card: { brand: card.brand, last4: card.number.slice(-4), exp_month: this._exp.month, exp_year: this._exp.year },
      },
    };
  }
}

/** The fake Elements group. */
export class FakeElements implements StripeElementsLike {
  readonly created: FakePaymentElement[] = [];

  constructor(
    readonly fake: FakeStripe,
    readonly options: StripeElementsOptionsLike,
  ) {}

  create(elementType: 'payment', options: StripePaymentElementOptionsLike = {}): FakePaymentElement {
    if (elementType !== 'payment') throw new IntegrationError(`The fake supports only the Payment Element, not ${String(elementType)}.`);
    if (this.created.some((e) => !e.destroyed)) {
      throw new IntegrationError('Can only create one Element of type payment.');
    }
    this.fake.paymentElementOptions.push(options);
    const element = new FakePaymentElement(this.fake, this, options);
    this.created.push(element);
    return element;
  }

  get element(): FakePaymentElement | undefined {
    return this.created.find((e) => !e.destroyed);
  }

  async submit(): Promise<{ error?: StripeErrorLike; selectedPaymentMethod?: string }> {
    this.fake.calls.push('submit');
    const element = this.element;
    if (!element?.mounted) return { error: { type: 'validation_error', code: 'incomplete', message: 'The payment form is not ready.' } };
    const error = element.validation();
    if (error) return { error };
    element.submitted = true;
    return { selectedPaymentMethod: element.methodType };
  }
}

/** One `Stripe(pk)` instance. */
export class FakeStripeInstance implements StripeLike {
  constructor(
    readonly fake: FakeStripe,
    readonly publishableKey: string,
    readonly constructorOptions: { stripeAccount?: string } | undefined,
  ) {}

  elements(options: StripeElementsOptionsLike): FakeElements {
    this.fake.calls.push('elements');
    const raw = options as StripeElementsOptionsLike & { paymentMethodTypes?: unknown };
    if (raw.paymentMethodTypes !== undefined) {
      throw new IntegrationError(
        'paymentMethodTypes is not supported. Use allowedPaymentMethodTypes to limit the payment methods.',
      );
    }
    if (options.mode === 'payment' && (!Number.isInteger(options.amount) || !options.currency)) {
      throw new IntegrationError('In payment mode, amount and currency are required.');
    }
    if (options.currency && options.currency !== options.currency.toLowerCase()) {
      throw new IntegrationError('currency must be a lowercase three-letter ISO code.');
    }
    this.fake.elementsOptions.push(options);
    const group = new FakeElements(this.fake, options);
    this.fake.groups.push(group);
    return group;
  }

  async createPaymentMethod(options: {
    elements: StripeElementsLike;
    params?: { billing_details?: { name?: string } };
  }): Promise<{ paymentMethod?: StripePaymentMethodLike; error?: StripeErrorLike }> {
    this.fake.calls.push('createPaymentMethod');
    const group = options.elements;
    if (!(group instanceof FakeElements) || group.fake !== this.fake) {
      throw new IntegrationError('Invalid value for createPaymentMethod: elements should be an Elements group.');
    }
    if (group.options.paymentMethodCreation !== 'manual') {
      throw new IntegrationError("createPaymentMethod requires the Elements group to be created with paymentMethodCreation: 'manual'.");
    }
    const element = group.element;
    if (!element?.submitted) {
      throw new IntegrationError('elements.submit() must be called before stripe.createPaymentMethod().');
    }
    element.submitted = false;
    if (this.fake.options.latencyMs) await wait(this.fake.options.latencyMs);
    return element.paymentMethod(options.params);
  }

  async handleNextAction(options: {
    clientSecret: string;
  }): Promise<{ paymentIntent?: StripeIntentLike; setupIntent?: StripeIntentLike; error?: StripeErrorLike }> {
    this.fake.calls.push('handleNextAction');
    this.fake.nextActionSecrets.push(options.clientSecret);
    if (!/_secret_/.test(options.clientSecret)) {
      return { error: { type: 'invalid_request_error', message: 'Invalid value for handleNextAction: clientSecret.' } };
    }
    const id = options.clientSecret.split('_secret_')[0] ?? 'pi_fake';
    await wait(0);
    switch (this.fake.options.nextAction ?? 'succeed') {
      case 'cancel':
        return {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_authentication_failure',
            message:
              'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
          },
        };
      case 'processing':
        return { paymentIntent: { id, status: 'processing' } };
      case 'requires_payment_method':
        return { paymentIntent: { id, status: 'requires_payment_method' } };
      case 'throw':
        throw new Error('fake: handleNextAction blew up');
      default:
        return { paymentIntent: { id, status: 'succeeded' } };
    }
  }

  async verifyMicrodepositsForPayment(
    clientSecret: string,
    data: { amounts?: number[]; descriptor_code?: string },
  ): Promise<{ paymentIntent?: StripeIntentLike; error?: StripeErrorLike }> {
    this.fake.calls.push('verifyMicrodepositsForPayment');
    const id = clientSecret.split('_secret_')[0] ?? 'pi_fake';
    const ok =
      data.descriptor_code === 'SM11AA' || (data.amounts?.length === 2 && data.amounts[0] === 32 && data.amounts[1] === 45);
    if (ok) return { paymentIntent: { id, status: 'processing' } };
    return {
      error: {
        type: 'invalid_request_error',
        code: data.descriptor_code ? 'payment_method_microdeposit_verification_descriptor_code_mismatch' : 'payment_method_microdeposit_verification_amounts_mismatch',
        message: 'The verification details provided do not match. Check your bank statement and try again.',
      },
    };
  }
}

/** The controller a test holds: the loader, the `window.Stripe` factory, logs and helpers. */
export class FakeStripe {
  loadCalls = 0;
  readonly keys: string[] = [];
  readonly instances: FakeStripeInstance[] = [];
  readonly groups: FakeElements[] = [];
  readonly elementsOptions: StripeElementsOptionsLike[] = [];
  readonly paymentElementOptions: StripePaymentElementOptionsLike[] = [];
  readonly mountErrors: Error[] = [];
  readonly mountedNodes: HTMLElement[] = [];
  readonly nextActionSecrets: string[] = [];
  /** Method names in call order (never arguments: they could hold secrets). */
  readonly calls: string[] = [];

  constructor(public options: FakeStripeOptions = {}) {}

  /** `window.Stripe`-style factory; `version` matches the release train @stripe/stripe-js expects. */
  readonly Stripe = Object.assign(
    (publishableKey: string, constructorOptions?: { stripeAccount?: string }): FakeStripeInstance => {
      if (typeof publishableKey !== 'string' || !/^pk_(test|live)_/.test(publishableKey)) {
        throw new IntegrationError('Invalid API Key provided: ' + String(publishableKey).slice(0, 8) + '…');
      }
      this.keys.push(publishableKey);
      const instance = new FakeStripeInstance(this, publishableKey, constructorOptions);
      this.instances.push(instance);
      return instance;
    },
    { version: 'endive' },
  );

  /** A stand-in for `loadStripe` from '@stripe/stripe-js/pure'. */
  readonly loadStripe: LoadStripeLike = (publishableKey, constructorOptions) => {
    this.loadCalls += 1;
    switch (this.options.load ?? 'ok') {
      case 'reject':
        return Promise.reject(new Error('Failed to load Stripe.js'));
      case 'null':
        return Promise.resolve(null);
      case 'hang':
        return new Promise<never>(() => undefined);
      default:
        return Promise.resolve().then(() => this.Stripe(publishableKey, constructorOptions));
    }
  };

  /** Sets `window.Stripe` to this fake's factory; returns a function that restores the old value. */
  install(): () => void {
    const w = window as Window & { Stripe?: unknown };
    const previous = w.Stripe;
    w.Stripe = this.Stripe;
    return () => {
      if (previous === undefined) delete w.Stripe;
      else w.Stripe = previous;
    };
  }

  /** The Payment Element currently mounted (the latest that is not destroyed). */
  get element(): FakePaymentElement | undefined {
    for (let i = this.groups.length - 1; i >= 0; i--) {
      const element = this.groups[i]?.element;
      if (element?.mounted) return element;
    }
    return undefined;
  }

  /** Waits until a Payment Element is mounted and ready to type into. */
  async mounted(timeoutMs = 5000): Promise<FakePaymentElement> {
    const start = Date.now();
    for (;;) {
      const element = this.element;
      if (element) {
        await wait((this.options.readyDelayMs ?? 0) + 1);
        return element;
      }
      if (Date.now() - start > timeoutMs) throw new Error('fake Stripe: no Payment Element was mounted');
      await wait(10);
    }
  }

  /** "Types" a card into the mounted Payment Element (card number; expiry defaults to 12/2034). */
  typeCard(number: string, exp?: { month: number; year: number }): void {
    const element = this.element;
    if (!element) throw new Error('fake Stripe: no Payment Element is mounted');
    element.setNumber(number, exp);
  }

  /** Links a test bank account (default Stripe's 000123456789, routing 110000000). */
  connectBank(account = '000123456789'): void {
    const element = this.element;
    if (!element) throw new Error('fake Stripe: no Payment Element is mounted');
    element.setBank(account);
  }
}
