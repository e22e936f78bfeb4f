import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { controls } from '../../styles/tokens.js';
import { translate } from '../../i18n/index.js';
import type { StripeAppearanceLike } from './stripe-like.js';

/** What drives a `<pi-stripe-fields>`: the StripeCollector's session. */
export interface StripeFieldsController {
  /** The element is in a document and rendered: mount the Payment Element now. */
  connected(element: StripeFields): void;
  /** The element left the document: unmount and remove the light-DOM chain. */
  disconnected(element: StripeFields): void;
}

export type StripeFieldsStatus = 'loading' | 'ready' | 'error';

/**
 * The StripeCollector's session element: the place in the modal where Stripe's Payment Element
 * appears. Stripe's iframe cannot live in a shadow root, so this element only renders a
 * `<slot name="stripe-mount">`; the session mounts the Payment Element into a light-DOM node in
 * the document that is slotted down to here (see `createLightDomMount`).
 *
 * It reads the theme tokens it inherits (`--_accent`, `--_text`, `--_bg`, `--_danger`, `--_font`,
 * `--_radius`, …) as resolved values so Stripe's appearance matches the light or dark theme.
 *
 * @tagname pi-stripe-fields
 * @summary Where Stripe's Payment Element is shown (slotted from the light DOM).
 * @slot stripe-mount - The light-DOM chain that carries Stripe's iframe.
 * @fires collector-change - `{complete}` when the Payment Element reports a change (not composed).
 * @csspart frame - The box around Stripe's fields.
 */
export class StripeFields extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      .frame {
        min-height: 3rem;
      }
      .loading {
        margin: 0;
        color: var(--_muted, #57606a);
      }
      .error {
        margin: var(--_space, 0.5rem) 0 0;
        color: var(--_danger, #b42318);
      }
      .probes {
        position: absolute;
        width: 0;
        height: 0;
        overflow: hidden;
        visibility: hidden;
      }
      .p-accent {
        color: var(--_accent, #1d4ed8);
      }
      .p-text {
        color: var(--_text, #1f2328);
      }
      .p-bg {
        color: var(--_bg, #ffffff);
      }
      .p-danger {
        color: var(--_danger, #b42318);
      }
      .p-muted {
        color: var(--_muted, #57606a);
      }
      .p-border {
        color: var(--_border, #c9ced6);
      }
      .p-font {
        font-family: var(--_font, system-ui, sans-serif);
        font-size: var(--_font-size, 0.9375rem);
        border-top-left-radius: var(--_radius, 6px);
        padding-top: var(--_space, 0.5rem);
      }
    `,
  ];

  /** Set by the session that owns the element. */
  controller?: StripeFieldsController;

  /** BCP 47 locale for the texts. */
  @property() locale = 'en';

  /** Which method the fields enter: `card` or `ach`. */
  @property({ attribute: 'method-type' }) methodType: 'card' | 'ach' = 'card';

  /** `loading` until Stripe's fields are ready, `error` when they could not be shown. */
  @property({ reflect: true }) status: StripeFieldsStatus = 'loading';

  /** The error shown when `status` is `error`. */
  @property() message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => {
      if (this.isConnected) this.controller?.connected(this);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.disconnected(this);
  }

  /**
   * Stripe's Escape stays inside its iframe: act as if Escape was pressed in the dialog around us
   * (a cancelable `cancel`, then close).
   */
  requestDialogCancel(): void {
    const dialog = this.closest('dialog');
    if (!dialog?.open) return;
    if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
  }

  /** Stripe `appearance` from the theme tokens in force here (light or dark). */
  readAppearance(): StripeAppearanceLike {
    const probe = (name: string) => this.renderRoot.querySelector<HTMLElement>(`.p-${name}`);
    const color = (name: string): string | undefined => {
      const el = probe(name);
      return el ? toStripeColor(getComputedStyle(el).color) : undefined;
    };
    const variables: Record<string, string> = {};
    const set = (key: string, value: string | undefined) => {
      if (value) variables[key] = value;
    };
    const bg = color('bg');
    set('colorPrimary', color('accent'));
    set('colorText', color('text'));
    set('colorBackground', bg);
    set('colorDanger', color('danger'));
    set('colorTextSecondary', color('muted'));
    set('colorTextPlaceholder', color('muted'));
    const font = probe('font');
    if (font) {
      const style = getComputedStyle(font);
      set('fontFamily', style.fontFamily);
      set('fontSizeBase', style.fontSize);
      set('borderRadius', style.borderTopLeftRadius);
      set('spacingUnit', spacingUnit(style.paddingTop));
    }
    const border = color('border');
    const appearance: StripeAppearanceLike = { theme: bg && isDark(bg) ? 'night' : 'stripe', variables };
    if (border) appearance.rules = { '.Input': { borderColor: border } };
    return appearance;
  }

  private t(key: string): string {
    return translate(this.locale || 'en', key);
  }

  override render() {
    return html`
      <div
        class="frame"
        part="frame"
        role="group"
        aria-label=${this.t(`stripe.region.${this.methodType}`)}
        aria-busy=${this.status === 'loading' ? 'true' : 'false'}
      >
        ${this.status === 'loading'
          ? html`<p class="loading" role="status">
              <span class="spinner" aria-hidden="true"></span> ${this.t(`stripe.loading.${this.methodType}`)}
            </p>`
          : nothing}
        <slot name="stripe-mount"></slot>
      </div>
      <div role="alert">${this.status === 'error' && this.message
        ? html`<p class="error">${this.message}</p>`
        : nothing}</div>
      <div class="probes" aria-hidden="true">
        <span class="p-accent"></span><span class="p-text"></span><span class="p-bg"></span
        ><span class="p-danger"></span><span class="p-muted"></span><span class="p-border"></span
        ><span class="p-font"></span>
      </div>
    `;
  }
}

/** `rgb(…)`/`rgba(…)` (what computed colors are) → `#rrggbb` or `rgba(r, g, b, a)`. */
export function toStripeColor(computed: string): string | undefined {
  const rgb = parseRgb(computed);
  if (rgb) {
    const [r, g, b, a] = rgb;
    if (a < 1) return `rgba(${r}, ${g}, ${b}, ${a})`;
    return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  }
  // Other color syntaxes (color(srgb …), oklab(…)): let a canvas convert them.
  try {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!ctx) return undefined;
    ctx.fillStyle = computed;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, alpha = 255] = ctx.getImageData(0, 0, 1, 1).data;
    return alpha < 255
      ? `rgba(${r}, ${g}, ${b}, ${Math.round((alpha / 255) * 100) / 100})`
      : `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  } catch {
    return undefined;
  }
}

function parseRgb(value: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const channel = (s: string | undefined) => Math.max(0, Math.min(255, Math.round(Number(s))));
  let alpha = 1;
  if (m[4] !== undefined) alpha = m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [channel(m[1]), channel(m[2]), channel(m[3]), Number.isFinite(alpha) ? alpha : 1];
}

/** Relative luminance below the midpoint: a dark background. */
function isDark(color: string): boolean {
  const rgb = parseRgb(color) ?? hexToRgb(color);
  if (!rgb) return false;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 0.2;
}

function hexToRgb(hex: string): [number, number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16), 1] : null;
}

/** Stripe's `spacingUnit` is a base unit (default 4px); our `--_space` is about twice that. */
function spacingUnit(padding: string): string | undefined {
  const px = Number.parseFloat(padding);
  return Number.isFinite(px) && px > 0 ? `${Math.max(2, Math.round(px / 2))}px` : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'pi-stripe-fields': StripeFields;
  }
}
