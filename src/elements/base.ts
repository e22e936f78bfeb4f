import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { PayInvoicesBackend } from '../backend/types.js';
import { RestBackend } from '../backend/rest-backend.js';
import { isBackendError } from '../backend/errors.js';
import type { PaymentCollector } from '../collectors/types.js';
import { deferredSandboxCollector, deferredStripeCollector } from '../collectors/lazy.js';
import { isTestKey } from '../collectors/stripe/key.js';
import { translate, isRtl, loadMessages, messagesLocale, normalizeLocale } from '../i18n/index.js';
import { backendContext, collectorContext } from './context.js';

/**
 * What every pay-invoices element shares: where its backend comes from (the `backend` property,
 * else a `backendContext` provider above it, else a `RestBackend` on `api-base`), its locale and
 * direction, theme attribute and translated messages.
 */
export class PayInvoicesBase extends LitElement {
  private _restCache?: { base: string; backend: RestBackend };
  private _ctxBackend?: PayInvoicesBackend;
  private _ctxCollector?: PaymentCollector;
  private _stripeCache?: { key: string; collector: PaymentCollector };
  private _sandbox?: PaymentCollector;

  /** Base URL of the REST backend (used when no `backend` object is given). */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** A backend object; takes precedence over context and `api-base`. */
  @property({ attribute: false }) backend?: PayInvoicesBackend;

  /**
   * The Stripe publishable key from the backend's settings (`Settings.stripePublishableKey`), used
   * when `stripe-key` is not set; subclasses fill it in when they load the settings.
   */
  protected settingsStripeKey = '';

  /** A payment collector; takes precedence over context and `stripe-key`. */
  @property({ attribute: false }) collector?: PaymentCollector;

  /**
   * Stripe publishable key (`pk_live_…` / `pk_test_…`). When set, card and bank entry go through
   * Stripe Elements (Stripe.js loads only when entry opens); without it, the TEST MODE sandbox.
   */
  @property({ attribute: 'stripe-key' }) stripeKey = '';

  /** BCP 47 locale for messages, money and dates. Defaults to the document's `lang`, then the browser's. */
  @property({ reflect: true }) locale = '';

  /** `light` or `dark` to force a theme; empty follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: '' | 'light' | 'dark' = '';

  /** The locale whose catalog was last requested. */
  private _requestedLocale?: string;

  /** Bumped when a context value arrives so dependants re-run. */
  @state() protected contextVersion = 0;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: backendContext,
      subscribe: true,
      callback: (value) => {
        this._ctxBackend = value;
        this.contextVersion++;
      },
    });
    new ContextConsumer(this, {
      context: collectorContext,
      subscribe: true,
      callback: (value) => {
        this._ctxCollector = value;
        this.contextVersion++;
      },
    });
  }

  /** The backend in force, or undefined when none is configured yet. */
  protected get resolvedBackend(): PayInvoicesBackend | undefined {
    if (this.backend) return this.backend;
    if (this._ctxBackend) return this._ctxBackend;
    if (this.apiBase) {
      if (this._restCache?.base !== this.apiBase) {
        this._restCache = { base: this.apiBase, backend: new RestBackend({ baseUrl: this.apiBase, locale: () => this.lang_ }) };
      }
      return this._restCache.backend;
    }
    return undefined;
  }

  /**
   * `.collector`, else context, else a StripeCollector for `stripe-key` (or the key in the backend's
   * settings), else the TEST MODE sandbox
   * (never chosen when a Stripe key is configured). The last two load their code on first use
   * (`collectors/lazy.ts`), so pages carry no entry code until a payer opens entry.
   */
  protected get resolvedCollector(): PaymentCollector {
    if (this.collector) return this.collector;
    if (this._ctxCollector) return this._ctxCollector;
    const key = this.stripeKey.trim() || this.settingsStripeKey;
    if (!key) return (this._sandbox ??= deferredSandboxCollector());
    if (this._stripeCache?.key !== key) {
      // With a test key, bank entry falls back to the TEST MODE sandbox when Stripe.js cannot load
      // (F11). A live key has no built-in fallback (saved methods still work); hosts that need one
      // set `.collector` to a StripeCollector with their own `fallback`.
      const fallback = isTestKey(key) ? (this._sandbox ??= deferredSandboxCollector()) : undefined;
      this._stripeCache = { key, collector: deferredStripeCollector({ publishableKey: key, fallback }) };
    }
    return this._stripeCache.collector;
  }

  /** The locale in force. */
  protected get lang_(): string {
    return this.locale || document.documentElement.lang || navigator.language || 'en';
  }

  protected t(key: string, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.lang_, key, params);
  }

  /**
   * The server's own message when it is in the payer's language: servers are sent the locale as
   * `Accept-Language` and label a translated message with `Content-Language`; an unlabelled message
   * is taken as English. Otherwise null, and the element shows its own translated sentence.
   */
  protected serverSentence(error: unknown): string | null {
    if (!isBackendError(error) || !error.serverMessage || !error.message) return null;
    return normalizeLocale(error.messageLanguage ?? 'en') === normalizeLocale(this.lang_) ? error.message : null;
  }

  /** A sentence for a failed backend call that never contains a raw response body. */
  protected errorMessage(error: unknown): string {
    if (isBackendError(error)) {
      switch (error.kind) {
        case 'unauthorized': return this.t('common.error.unauthorized');
        case 'forbidden': return this.t('common.error.forbidden');
        case 'network': return this.t('common.error.network');
        case 'timeout': return this.t('common.error.timeout');
        case 'unavailable':
        case 'rate_limited': return this.t('common.error.unavailable');
        case 'malformed_response': return this.t('common.error.malformed');
        case 'not_found': return this.t('common.error.not_found');
        case 'validation':
        case 'conflict':
        case 'declined':
          return this.serverSentence(error) ?? this.t(`common.error.${error.kind}`);
        default: return this.t('common.error.generic');
      }
    }
    return this.t('common.error.generic');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const locale = this.lang_;
    if (locale !== this._requestedLocale) {
      this._requestedLocale = locale;
      // Spanish and French load on first use; re-render in them once they are here.
      void loadMessages(locale)?.then(() => this.requestUpdate());
    }
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // Screen readers read the widget's text in the language it is written in (WCAG 3.1.2): the
    // locale's, or English when there is no catalog for it (the layout still follows the locale).
    const lang = messagesLocale(this.lang_);
    if ((this.locale || lang !== this.lang_) && this.getAttribute('lang') !== lang) this.setAttribute('lang', lang);
    const dir = isRtl(this.lang_) ? 'rtl' : '';
    if (dir) this.setAttribute('dir', dir);
    else if (this.getAttribute('dir') === 'rtl' && !isRtl(this.lang_)) this.removeAttribute('dir');
  }
}
