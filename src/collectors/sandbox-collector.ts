/**
 * The SandboxCollector: TEST MODE card and bank entry for the demo, the tests and Storybook. It
 * renders its own fields (in a shadow root: nothing leaves them but a test token and a summary),
 * accepts only Stripe's documented test numbers, and stands in for 3-D Secure with a test challenge.
 * Never use it when a Stripe publishable key is configured.
 */
import type { MethodType } from '../core/schemas.js';
import { defineElement } from '../define/define.js';
import {
  CollectorError,
  type Availability,
  type CollectedToken,
  type CollectOptions,
  type CollectorSession,
  type PaymentCollector,
  type ValidatingSession,
} from './types.js';
import { SandboxCardFields } from './sandbox/card-fields.js';
import { SandboxBankFields } from './sandbox/bank-fields.js';
import { SandboxChallenge } from './sandbox/challenge.js';
import { translate } from '../i18n/index.js';
import type { BillingDetails } from './types.js';

export type { CollectorChangeDetail } from './sandbox/fields-base.js';
export { SandboxCardFields, SandboxBankFields, SandboxChallenge };

/** Registers the sandbox's elements (guarded; safe to call repeatedly). */
export function defineSandboxElements(): void {
  defineElement('pi-sandbox-card-fields', SandboxCardFields);
  defineElement('pi-sandbox-bank-fields', SandboxBankFields);
  defineElement('pi-sandbox-challenge', SandboxChallenge);
}

export interface SandboxCollectorOptions {
  /** Simulated tokenization latency in ms (default 150), so busy states can be seen. */
  delayMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class SandboxSession implements ValidatingSession {
  private _destroyed = false;

  constructor(
    readonly element: SandboxCardFields | SandboxBankFields,
    private readonly delayMs: number,
    private readonly locale: string,
  ) {}

  validate(): CollectorError[] {
    return this._destroyed ? [] : this.element.validate();
  }

  setBillingDetails(details: BillingDetails): void {
    if (this.element instanceof SandboxBankFields && details.accountType) this.element.accountType = details.accountType;
  }

  async collect(): Promise<CollectedToken> {
    if (this._destroyed) throw new CollectorError(translate(this.locale, 'sandbox.error.closed'), 'session_closed');
    await this.element.updateComplete;
    // Tokenize first (synchronously reading the inputs), then simulate the processor's round trip.
    const result = this.element.tokenize();
    this.element.clear();
    if (this.delayMs > 0) await wait(this.delayMs);
    if (this._destroyed) throw new CollectorError(translate(this.locale, 'sandbox.error.closed'), 'session_closed');
    return result;
  }

  focus(): void {
    this.element.focus();
  }

  destroy(): void {
    this._destroyed = true;
    this.element.clear();
    this.element.remove();
  }
}

/** A `PaymentCollector` for TEST MODE: see the module comment. */
export class SandboxCollector implements PaymentCollector {
  readonly kind = 'sandbox' as const;
  readonly testMode = true;
  private readonly delayMs: number;

  constructor(options: SandboxCollectorOptions = {}) {
    this.delayMs = Math.max(0, options.delayMs ?? 150);
  }

  async availability(_type: MethodType): Promise<Availability> {
    return { available: true };
  }

  async open(options: CollectOptions): Promise<CollectorSession> {
    defineSandboxElements();
    const element = document.createElement(options.type === 'ach' ? 'pi-sandbox-bank-fields' : 'pi-sandbox-card-fields');
    element.locale = options.locale;
    return new SandboxSession(element, this.delayMs, options.locale);
  }

  async handleNextAction(_clientSecret: string, options: { host: HTMLElement; locale: string }): Promise<{ completed: boolean }> {
    defineSandboxElements();
    const challenge = document.createElement('pi-sandbox-challenge');
    challenge.locale = options.locale;
    (options.host.shadowRoot ?? document.body).append(challenge);
    const completed = await challenge.run();
    return { completed };
  }
}
