import { css, unsafeCSS } from 'lit';

/**
 * The colour palette: public token `--pi-color-<name>`, light default, dark default.
 * docs/theming.md lists the same table; keep them in step.
 */
export const PALETTE = {
  accent: ['#1d4ed8', '#7aa7ff'],
  'accent-contrast': ['#ffffff', '#0b1220'],
  bg: ['#ffffff', '#15181d'],
  surface: ['#f6f7f9', '#1f242b'],
  text: ['#1f2328', '#e6e9ee'],
  muted: ['#57606a', '#a4adb9'],
  border: ['#c9ced6', '#3a424d'],
  danger: ['#b42318', '#ff8c80'],
  success: ['#1a7f37', '#6fd08c'],
  warning: ['#8a5a00', '#f2c14e'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

type Scheme = 0 | 1;
const names = Object.keys(PALETTE) as (keyof typeof PALETTE)[];

/**
 * `--_<name>` from the public token, else the theme forced by an enclosing pay-invoices element
 * (`--_theme-<name>`, inherited), else this scheme's default.
 */
const followed = (scheme: Scheme): string =>
  names.map((n) => `--_${n}: var(--pi-color-${n}, var(--_theme-${n}, ${PALETTE[n][scheme]}));`).join('\n');

/**
 * A forced theme (`theme="light|dark"`): its own colours, and `--_theme-*` for the elements it
 * renders inside itself (the payment-method modal, collector fields, walkthrough) so they follow it
 * even when they have no `theme` attribute of their own.
 */
const forced = (scheme: Scheme): string =>
  names
    .map((n) => `--_theme-${n}: ${PALETTE[n][scheme]};\n--_${n}: var(--pi-color-${n}, ${PALETTE[n][scheme]});`)
    .join('\n');

/**
 * Kept out of a css`` template on purpose: lit-analyzer's CSS data does not know `color-scheme`
 * (it reports "Unknown property"), and every value here is a constant.
 * `color-scheme` makes native controls (checkboxes, date pickers, scrollbars) match the theme.
 */
const palette = unsafeCSS(`
  :host {
    ${followed(0)}
    color-scheme: var(--pi-color-scheme, var(--_theme-scheme, light dark));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${followed(1)}
    }
  }
  :host([theme='light']) {
    ${forced(0)}
    --_theme-scheme: light;
    color-scheme: var(--pi-color-scheme, light);
  }
  :host([theme='dark']) {
    ${forced(1)}
    --_theme-scheme: dark;
    color-scheme: var(--pi-color-scheme, dark);
  }
`);

/**
 * Theme tokens. Hosts set the public `--pi-*` custom properties anywhere above the element (they
 * inherit through shadow roots); each has a fallback so the widget looks right with no global
 * stylesheet. Internals read `--_*` only.
 *
 * - Colours: `--pi-color-{accent, accent-contrast, bg, surface, text, muted, border, danger,
 *   success, warning}` (see `PALETTE` for the light and dark defaults), `--pi-color-scheme`.
 * - Type: `--pi-font-family`, `--pi-font-size`.
 * - Shape and spacing: `--pi-radius`, `--pi-space` (base unit), `--pi-density` (multiplier of
 *   spacing and heights: 0.8 compact, 1 default, 1.2 roomy), `--pi-row-height`,
 *   `--pi-control-height`.
 * - Focus: `--pi-focus-ring` (a `box-shadow` value).
 *
 * Dark theme: `prefers-color-scheme: dark`, or `theme="dark"` on the element (`theme="light"` forces
 * light); elements rendered inside a themed element follow its theme.
 */
export const tokens = css`
  ${palette}
  :host {
    --_density: var(--pi-density, 1);
    --_font: var(--pi-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--pi-font-size, 0.9375rem);
    --_radius: var(--pi-radius, 6px);
    --_space: calc(var(--pi-space, 0.5rem) * var(--_density));
    --_row-height: var(--pi-row-height, calc(2.75rem * var(--_density)));
    --_control-height: var(--pi-control-height, calc(2.25rem * var(--_density)));
    --_focus-ring: var(--pi-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 45%, transparent));
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Buttons, fields, alerts and visually-hidden text shared by every element. */
export const controls = css`
  button,
  .button {
    font: inherit;
    min-height: var(--_control-height);
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-contrast);
    border-color: var(--_accent);
  }
  button.link {
    background: none;
    border: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0 calc(var(--_space) / 2);
    min-height: 1.75rem;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    min-height: var(--_control-height);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  a {
    color: var(--_accent);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0.125rem 0 0;
  }
  .alert {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_surface);
    margin: var(--_space) 0;
  }
  .alert.error {
    border-inline-start-color: var(--_danger);
  }
  .alert.success {
    border-inline-start-color: var(--_success);
  }
  .alert.warning {
    border-inline-start-color: var(--_warning);
  }
  .muted {
    color: var(--_muted);
  }
  /* Important throughout: it must win over the layout of whatever element it hides (a grid row). */
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    min-width: 0 !important;
    min-height: 0 !important;
    padding: 0 !important;
    border: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: pi-spin 0.8s linear infinite;
    vertical-align: -0.15em;
  }
  @keyframes pi-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  /* A small label beside a method or an invoice: Default, Expired, Awaiting verification. */
  .badge {
    display: inline-block;
    font-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
    margin-inline-start: 0.25em;
  }
  .badge.warn {
    color: var(--_warning);
    border-color: currentColor;
  }
`;
