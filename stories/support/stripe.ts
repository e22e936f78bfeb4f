/**
 * Stripe for stories: a real `StripeCollector` on the fake Stripe.js (test/fakes/fake-stripe.ts),
 * so nothing is fetched from js.stripe.com; a stand-in for Stripe's 3-D Secure test page; and a
 * host element with its own shadow root (a portal that renders `<pay-invoices>` inside it).
 *
 * The fake renders its fields in a closed shadow root (like Stripe's cross-origin iframe): stories
 * "type" into it with the fake's helpers (`typeCard`, `connectBank`); in Storybook you can also
 * type into it yourself (Stripe's test cards: 4242 4242 4242 4242, 4000 0000 0000 0002 declines,
 * 4000 0025 0000 3155 asks for 3-D Secure).
 */
import { LitElement, css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from 'lit/decorators.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import { StripeCollector, type LoadStripeLike } from '../../src/collectors/stripe-collector.js';
import type { PaymentCollector } from '../../src/collectors/types.js';
import { defineElement } from '../../src/define/define.js';
import { ACME_ID } from '../../src/demo-backend/index.js';
import { clearPending } from '../../src/elements/pay-invoices/pending-store.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { PaymentMethodModal } from '../../src/elements/payment-method-modal/payment-method-modal.js';
import { FakeStripe, type FakeStripeOptions } from '../../test/fakes/fake-stripe.js';
import { click, find, root, waitFor } from './drive.js';
import type { StoryBackend } from './handlers.js';
import { formMessageShown, makePayment, receiptShown, selectInvoices } from './pay-invoices.js';
import { openModal, TEST_CARDS } from './payment-method-modal.js';
import { served, type StoryTestParameters } from './story.js';

/** A Stripe test-mode publishable key: the fake accepts any `pk_test_…`. */
export const FAKE_PUBLISHABLE_KEY = 'pk_test_fake';

/** Stripe's test cards used by the stories. */

export type ChallengeOutcome = 'complete' | 'fail';

// ---------------------------------------------------------------------------------------------
// The 3-D Secure challenge

/**
 * A stand-in for the page Stripe shows when a card needs 3-D Secure (in test mode: "Complete" or
 * "Fail"). Stripe adds its overlay to the page's `<body>`; stories render this element next to
 * the widget instead, so it is checked and removed with the story. It is a modal `<dialog>` (the
 * rest of the page is inert while it is open), and Escape fails the authentication as closing
 * Stripe's overlay does.
 *
 * @summary Fake Stripe 3-D Secure test page (stories only).
 */
export class FakeStripeChallenge extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    dialog {
      max-width: min(28rem, calc(100vw - 2rem));
      padding: 1.25rem;
      border: 1px solid #8a94a6;
      border-radius: 8px;
      background: #ffffff;
      color: #1f2328;
      font: 15px/1.45 system-ui, sans-serif;
    }
    dialog::backdrop {
      background: rgb(15 23 42 / 0.55);
    }
    .badge {
      display: inline-block;
      margin: 0 0 0.5rem;
      padding: 0.125rem 0.5rem;
      border-radius: 4px;
      background: #fff4e5;
      color: #7a3e00;
      font-size: 0.8125rem;
      font-weight: 600;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    button {
      font: inherit;
      padding: 0.5rem 1rem;
      border-radius: 6px;
      border: 1px solid #57606a;
      background: #ffffff;
      color: #1f2328;
      cursor: pointer;
    }
    button.primary {
      border-color: #1d4ed8;
      background: #1d4ed8;
      color: #ffffff;
    }
    button:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
  `;

  private _resolve: ((outcome: ChallengeOutcome) => void) | undefined;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** True while the challenge waits for the payer. */
  get showing(): boolean {
    return !!this.dialog?.open;
  }

  /** Shows the challenge; resolves with the payer's choice. */
  async ask(): Promise<ChallengeOutcome> {
    this.finish('fail');
    const answer = new Promise<ChallengeOutcome>((resolve) => {
      this._resolve = resolve;
    });
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && this.isConnected && !dialog.open) dialog.showModal();
    return answer;
  }

  /** Presses "Complete authentication" (as the payer would). */
  complete(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button.primary')?.click();
  }

  /** Presses "Fail authentication" (as the payer would). */
  fail(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button.fail')?.click();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The story went away: nobody can answer. The widget has already given up (it aborts on
    // disconnect), so the pending challenge is simply dropped.
    this._resolve = undefined;
    this.dialog?.close();
  }

  private finish(outcome: ChallengeOutcome): void {
    const resolve = this._resolve;
    this._resolve = undefined;
    if (this.dialog?.open) this.dialog.close();
    resolve?.(outcome);
  }

  private onCancel(event: Event): void {
    event.preventDefault();
    this.finish('fail');
  }

  override render() {
    return html`<dialog aria-labelledby="title" aria-describedby="desc" @cancel=${this.onCancel}>
      <p class="badge">TEST MODE · fake Stripe.js</p>
      <h2 id="title">Authenticate this payment</h2>
      <p id="desc">
        Your card issuer asks you to confirm this payment (3-D Secure). Stripe shows the issuer's page here; in test
        mode you choose the outcome.
      </p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.finish('complete')}>Complete authentication</button>
        <button type="button" class="fail" @click=${() => this.finish('fail')}>Fail authentication</button>
      </div>
    </dialog>`;
  }
}

// ---------------------------------------------------------------------------------------------
// A host application with its own shadow root

/**
 * A customer portal that renders `<pay-invoices>` inside its own (open) shadow root, as many host
 * apps built with web components do. Stripe's fields still mount in the light DOM: the widget
 * adds its mount `<div>` to this element and forwards it with slots (docs/stripe.md).
 *
 * @summary Story host app with a shadow root around `<pay-invoices>`.
 */
export class StoryHostApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid #c9ced6;
      border-radius: 8px;
      padding: 1rem;
    }
    .portal-title {
      margin: 0 0 0.75rem;
      font: 600 1rem system-ui, sans-serif;
    }
  `;

  /** The account `<pay-invoices>` pays. */
  @property() account = '';

  /** `api-base` of `<pay-invoices>`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Locale passed on. */
  @property() locale = '';

  /** Theme passed on (`light`, `dark`, or empty). */
  @property() theme = '';

  /** The collector handed to `<pay-invoices>`. */
  @property({ attribute: false }) collector?: PaymentCollector;

  /** The `<pay-invoices>` inside the shadow root. */
  get payInvoices(): PayInvoices | null {
    return this.renderRoot.querySelector('pay-invoices');
  }

  override render() {
    return html`<p class="portal-title">Acme Hardware · customer portal (a host app with its own shadow root)</p>
      <pay-invoices
        api-base=${this.apiBase}
        account=${this.account}
        locale=${ifDefined(this.locale || undefined)}
        theme=${ifDefined(this.theme || undefined)}
        .collector=${this.collector}
      ></pay-invoices>`;
  }
}

defineElement('fake-stripe-challenge', FakeStripeChallenge);
defineElement('story-host-app', StoryHostApp);

declare global {
  interface HTMLElementTagNameMap {
    'fake-stripe-challenge': FakeStripeChallenge;
    'story-host-app': StoryHostApp;
  }
}

// ---------------------------------------------------------------------------------------------
// One story's Stripe

export interface StripeStoryOptions extends FakeStripeOptions {
  /** Give the collector the TEST MODE sandbox as its fallback for bank accounts. */
  bankFallback?: boolean;
}

/**
 * One story's fake Stripe.js and the `StripeCollector` on it. The loader is the fake's, except that
 * `handleNextAction` first shows `challenge` (when it is in the page) and then succeeds or fails as
 * the payer chose.
 */
export class StripeStory {
  readonly fake: FakeStripe;
  readonly collector: StripeCollector;
  /** Render it next to the widget (`${story.challenge}`) for stories that reach 3-D Secure. */
  readonly challenge: FakeStripeChallenge;

  constructor(options: StripeStoryOptions = {}) {
    const { bankFallback, ...fakeOptions } = options;
    this.fake = new FakeStripe(fakeOptions);
    this.challenge = document.createElement('fake-stripe-challenge');
    const loadStripe: LoadStripeLike = async (key, constructorOptions) => {
      const stripe = await this.fake.loadStripe(key, constructorOptions);
      if (stripe) {
        const next = stripe.handleNextAction.bind(stripe);
        stripe.handleNextAction = async (actionOptions) => {
          const outcome = this.challenge.isConnected ? await this.challenge.ask() : 'complete';
          this.fake.options.nextAction = outcome === 'complete' ? 'succeed' : 'cancel';
          return next(actionOptions);
        };
      }
      return stripe;
    };
    this.collector = new StripeCollector({
      publishableKey: FAKE_PUBLISHABLE_KEY,
      loadStripe,
      ...(bankFallback ? { fallback: new SandboxCollector() } : {}),
    });
  }

  /**
   * What a Stripe story promises, checked by its setup: Stripe.js came from the fake (no script
   * from js.stripe.com), and every mount was in the light DOM (the fake throws Stripe's
   * IntegrationError for a shadow root).
   */
  check(): void {
    if (document.querySelector('script[src*="stripe.com"]')) throw new Error('A real Stripe.js script was added to the page.');
    const [mountError] = this.fake.mountErrors;
    if (mountError) throw mountError;
    for (const node of this.fake.mountedNodes) {
      if (node.getRootNode() !== document) throw new Error('Stripe was mounted outside the light DOM.');
    }
  }
}

/** `served(backend)` for stories that pay Acme: also forgets a pending payment left by another visit. */
export function servedForPayment(backend: StoryBackend, storyTest: StoryTestParameters = {}) {
  const base = served(backend, storyTest);
  return {
    parameters: base.parameters,
    beforeEach: () => {
      clearPending(ACME_ID);
      base.beforeEach();
      // Storybook runs this when the story is left (a challenge left open keeps its payment pending).
      return () => clearPending(ACME_ID);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Driving the dialog

/** `<pi-stripe-fields>` in the dialog, once Stripe's (the fake's) Payment Element is ready. */
async function stripeFieldsReady(modal: PaymentMethodModal, story: StripeStory): Promise<void> {
  await story.fake.mounted();
  await waitFor(() => root(modal).querySelector('pi-stripe-fields')?.status === 'ready', "Stripe's fields to be ready");
  story.check();
}

/** Opens the dialog and waits until Stripe's fields (slotted in from the light DOM) are ready. */
export function openStripeEntry(story: StripeStory) {
  return async (modal: PaymentMethodModal): Promise<void> => {
    await openModal(modal);
    await stripeFieldsReady(modal, story);
  };
}

/** Opens the dialog; Stripe.js does not load, so it shows why entry is unavailable (or the fallback). */
export function openWithoutStripe(story: StripeStory) {
  return async (modal: PaymentMethodModal): Promise<void> => {
    await openModal(modal);
    if (story.fake.loadCalls === 0) throw new Error('The collector did not try to load Stripe.js.');
    story.check();
  };
}

/** Types `number` into Stripe's card field and presses "Use this card". */
async function useCard(modal: PaymentMethodModal, story: StripeStory, number: string): Promise<void> {
  story.fake.typeCard(number);
  const submit = await waitFor(
    () => root(modal).querySelector<HTMLButtonElement>('button[type="submit"]:not(:disabled)'),
    'the enabled submit button',
  );
  await click(modal, submit);
}

/** A card that Stripe declines (4000 0000 0000 0002): the dialog shows Stripe's message. */
export function declinedCard(story: StripeStory) {
  return async (modal: PaymentMethodModal): Promise<void> => {
    await openStripeEntry(story)(modal);
    await useCard(modal, story, TEST_CARDS.declined);
    await find(modal, '[part="form-error"]');
  };
}

/** Dark theme: also checks that Stripe was given the dark appearance read from the tokens. */
export function openDarkStripeEntry(story: StripeStory) {
  return async (modal: PaymentMethodModal): Promise<void> => {
    await openStripeEntry(story)(modal);
    const appearance = story.fake.elementsOptions.at(-1)?.appearance;
    if (appearance?.theme !== 'night' || !appearance.variables?.['colorBackground']) {
      throw new Error(`Stripe was not given the dark appearance: ${JSON.stringify(appearance)}`);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Driving <pay-invoices>

/** Presses Enter Card Info and waits for Stripe's fields in the dialog. */
async function openCardEntry(el: PayInvoices, story: StripeStory): Promise<PaymentMethodModal> {
  const entry = await find<HTMLButtonElement>(el, '[part="method-entry-button"]');
  await click(el, entry);
  const modal = await find<PaymentMethodModal>(el, 'payment-method-modal');
  await waitFor(() => modal.opened, 'the card dialog to open');
  await stripeFieldsReady(modal, story);
  return modal;
}

/** Enters `number` through Stripe in the dialog and waits until the dialog closes with it. */
async function enterCard(el: PayInvoices, story: StripeStory, number: string): Promise<void> {
  const modal = await openCardEntry(el, story);
  await useCard(modal, story, number);
  await waitFor(() => !modal.opened, 'the card dialog to close');
}

/** INV-10421 selected and the card dialog open with Stripe's fields (in whatever shadow roots). */
export function cardEntryInPayInvoices(story: StripeStory) {
  return async (el: PayInvoices): Promise<void> => {
    await selectInvoices(el, 'INV-10421');
    await openCardEntry(el, story);
  };
}

/** The same, for `<pay-invoices>` inside a `<story-host-app>`'s shadow root. */
export function cardEntryInHostApp(story: StripeStory) {
  return async (app: StoryHostApp): Promise<void> => {
    await app.updateComplete;
    const el = await waitFor(() => app.payInvoices, '<pay-invoices> in the host app');
    await cardEntryInPayInvoices(story)(el);
    const mount = story.fake.mountedNodes.at(-1);
    if (mount?.parentElement !== app) throw new Error("Stripe's mount node is not a light-DOM child of the host app.");
  };
}

/** Pays INV-10421 with the 3-D Secure test card: the challenge is shown and waits for the payer. */
export function threeDSecureChallenge(story: StripeStory) {
  return async (el: PayInvoices): Promise<void> => {
    await selectInvoices(el, 'INV-10421');
    await enterCard(el, story, TEST_CARDS.threeDSecure);
    await makePayment(el);
    await waitFor(() => story.challenge.showing, 'the 3-D Secure challenge');
  };
}

/** …and the payer completes it: the payment succeeds (receipt). */
export function threeDSecureCompleted(story: StripeStory) {
  return async (el: PayInvoices): Promise<void> => {
    await threeDSecureChallenge(story)(el);
    story.challenge.complete();
    await receiptShown(el);
  };
}

/** …and the payer fails it: the form says the authentication was not completed. */
export function threeDSecureFailed(story: StripeStory) {
  return async (el: PayInvoices): Promise<void> => {
    await threeDSecureChallenge(story)(el);
    story.challenge.fail();
    await formMessageShown(el);
  };
}
