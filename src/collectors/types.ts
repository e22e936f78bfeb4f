/**
 * A payment collector renders the fields where a payer types card or bank details and turns them
 * into an opaque processor token plus a display summary. Full numbers never leave the collector:
 * the elements only ever see `CollectedMethod`.
 *
 * - `SandboxCollector`: test mode only (demo, tests, Storybook); accepts Stripe's documented test
 *   numbers and says TEST MODE on screen.
 * - `StripeCollector`: Stripe Elements in light-DOM iframes (never inside a shadow root).
 */
import type { MethodSummary, MethodType } from '../core/schemas.js';

export interface CollectOptions {
  type: MethodType;
  locale: string;
  /** The element that hosts the fields (the modal). Collectors that need light DOM slot through it. */
  host: HTMLElement;
}

export interface CollectedToken {
  token: string;
  summary: MethodSummary;
}

/** An error the payer can fix: shown beside `field` (or at the form) and announced. */
export class CollectorError extends Error {
  override readonly name = 'CollectorError';
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** One open entry form. */
export interface CollectorSession {
  /** The node the modal places where the fields go. */
  readonly element: HTMLElement;
  /** Validates, shows field errors, and tokenizes. Rejects with CollectorError on bad input. */
  collect(): Promise<CollectedToken>;
  /** Moves focus to the first field. */
  focus(): void;
  /** Removes fields and forgets everything typed. */
  destroy(): void;
}

export type Availability = { available: true } | { available: false; reason: string };

export interface PaymentCollector {
  readonly kind: 'sandbox' | 'stripe';
  /** True for the sandbox: the UI shows TEST MODE. */
  readonly testMode: boolean;
  /** Whether a method type can be entered now (Stripe.js may fail to load). */
  availability(type: MethodType): Promise<Availability>;
  /** Opens an entry form for a method type. */
  open(options: CollectOptions): Promise<CollectorSession>;
  /**
   * Runs a payment's next action (3-D Secure) for `requires_action`.
   * Resolves `{completed: true}` when the payer authenticated, `false` when they cancelled or failed.
   */
  handleNextAction(clientSecret: string, options: { host: HTMLElement; locale: string }): Promise<{ completed: boolean }>;
}

/** Details the modal asks for itself and hands to the session (name on account, account type). */
export interface BillingDetails {
  name?: string;
  accountType?: 'checking' | 'savings';
}

/**
 * Optional session capabilities beyond `CollectorSession` that `<payment-method-modal>` uses when a
 * session offers them: check the fields without tokenizing (so every error shows at once), and
 * receive the details the modal asks for itself (name on account, account type).
 */
export interface ValidatingSession extends CollectorSession {
  validate(): CollectorError[];
  setBillingDetails(details: BillingDetails): void;
}

/** Whether a session offers the optional `ValidatingSession` capabilities. */
export function isValidatingSession(session: CollectorSession): session is ValidatingSession {
  const s = session as Partial<ValidatingSession>;
  return typeof s.validate === 'function' && typeof s.setBillingDetails === 'function';
}
