/**
 * Collectors whose code loads on first use. The elements default to these, so a page carries no
 * card- or bank-entry code until a payer opens entry: the Stripe collector's module (and then
 * Stripe.js) loads when it is first asked whether a method is available, the TEST MODE sandbox
 * only where no Stripe key is set. `kind` and `testMode` are known before anything loads, and a
 * secret key is still refused at once.
 *
 * If the code cannot be fetched (offline, blocked), methods are reported unavailable with a clear
 * reason, entry fails with a CollectorError the modal shows, and the next call tries again.
 */
import type { MethodType } from '../core/schemas.js';
import { translate } from '../i18n/index.js';
import type { SandboxCollectorOptions } from './sandbox-collector.js';
import type { StripeCollectorOptions } from './stripe-collector.js';
import { checkPublishableKey, isTestKey } from './stripe/key.js';
import {
  CollectorError,
  type Availability,
  type CollectOptions,
  type CollectorSession,
  type PaymentCollector,
} from './types.js';

/** A collector that loads its implementation on first use. */
export interface DeferredCollector extends PaymentCollector {
  /** Loads the implementation once (a failed load is tried again on the next call). */
  load(): Promise<PaymentCollector>;
}

const documentLocale = (): string => (typeof document !== 'undefined' && document.documentElement.lang) || 'en';

class Deferred implements DeferredCollector {
  private _loading?: Promise<PaymentCollector>;

  constructor(
    readonly kind: PaymentCollector['kind'],
    readonly testMode: boolean,
    private readonly loader: () => Promise<PaymentCollector>,
  ) {}

  load(): Promise<PaymentCollector> {
    this._loading ??= this.loader().catch((error: unknown) => {
      this._loading = undefined;
      throw error;
    });
    return this._loading;
  }

  /** The loaded collector, or undefined when its code cannot be fetched (each caller says so its own way). */
  private async loaded(): Promise<PaymentCollector | undefined> {
    try {
      return await this.load();
    } catch {
      return undefined;
    }
  }

  async availability(type: MethodType): Promise<Availability> {
    const collector = await this.loaded();
    if (!collector) return { available: false, reason: translate(documentLocale(), 'common.error.collectorLoad') };
    return collector.availability(type);
  }

  async open(options: CollectOptions): Promise<CollectorSession> {
    const collector = await this.loaded();
    if (!collector) {
      throw new CollectorError(translate(options.locale || documentLocale(), 'common.error.collectorLoad'), 'processor_unavailable');
    }
    return collector.open(options);
  }

  async handleNextAction(clientSecret: string, options: { host: HTMLElement; locale: string }): Promise<{ completed: boolean }> {
    const collector = await this.loaded();
    return collector ? collector.handleNextAction(clientSecret, options) : { completed: false };
  }
}

/**
 * Wraps a loader into a collector. `kind` and `testMode` must be what the loaded collector reports.
 */
export function deferCollector(
  kind: PaymentCollector['kind'],
  testMode: boolean,
  loader: () => Promise<PaymentCollector>,
): DeferredCollector {
  return new Deferred(kind, testMode, loader);
}

/** Hosts of local development, where TEST MODE entry is expected (`''`: a file or an opaque origin). */
export function isDevelopmentHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === '' || h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

let warned = false;
/**
 * A page served from a real host that opens TEST MODE entry is most likely missing its Stripe key:
 * says so on the console, once per page. Exported for its test.
 * @internal
 */
export function warnOutsideDevelopment(hostname = typeof location === 'undefined' ? '' : location.hostname): void {
  if (warned || isDevelopmentHost(hostname)) return;
  warned = true;
  console.warn(
    'pay-invoices: card and bank entry are in TEST MODE (no Stripe key). Set the stripe-key attribute ' +
      '(or a collector) for real payments.',
  );
}

/** The TEST MODE sandbox, loaded on first use (with a console warning outside local development). */
export function deferredSandboxCollector(options?: SandboxCollectorOptions): DeferredCollector {
  return deferCollector('sandbox', true, () => {
    warnOutsideDevelopment();
    return import('./sandbox-collector.js').then((m) => new m.SandboxCollector(options));
  });
}

/** The Stripe collector, loaded on first use; the key is checked now (a secret key throws a TypeError). */
export function deferredStripeCollector(options: StripeCollectorOptions): DeferredCollector {
  const key = checkPublishableKey(options.publishableKey, options.fallback?.testMode === true);
  return deferCollector('stripe', isTestKey(key), () =>
    import('./stripe-collector.js').then((m) => new m.StripeCollector({ ...options, publishableKey: key })),
  );
}
