import { css } from 'lit';

/**
 * Theme tokens. Hosts set the public `--pi-*` custom properties anywhere above the element; each has
 * a fallback so the widget looks right with no global stylesheet. Internals read `--_*` only.
 * Dark theme: `prefers-color-scheme: dark`, or `theme="dark"` on the element (`theme="light"` forces
 * light).
 */
export const tokens = css`
  :host {
    --_accent: var(--pi-color-accent, #1d4ed8);
    --_accent-contrast: var(--pi-color-accent-contrast, #ffffff);
    --_bg: var(--pi-color-bg, #ffffff);
    --_surface: var(--pi-color-surface, #f6f7f9);
    --_text: var(--pi-color-text, #1f2328);
    --_muted: var(--pi-color-muted, #57606a);
    --_border: var(--pi-color-border, #c9ced6);
    --_danger: var(--pi-color-danger, #b42318);
    --_success: var(--pi-color-success, #1a7f37);
    --_warning: var(--pi-color-warning, #8a5a00);
    --_font: var(--pi-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--pi-font-size, 0.9375rem);
    --_radius: var(--pi-radius, 6px);
    --_space: var(--pi-space, 0.5rem);
    --_row-height: var(--pi-row-height, 2.75rem);
    --_focus-ring: var(--pi-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 45%, transparent));
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--pi-color-accent, #7aa7ff);
      --_accent-contrast: var(--pi-color-accent-contrast, #0b1220);
      --_bg: var(--pi-color-bg, #15181d);
      --_surface: var(--pi-color-surface, #1f242b);
      --_text: var(--pi-color-text, #e6e9ee);
      --_muted: var(--pi-color-muted, #a4adb9);
      --_border: var(--pi-color-border, #3a424d);
      --_danger: var(--pi-color-danger, #ff8c80);
      --_success: var(--pi-color-success, #6fd08c);
      --_warning: var(--pi-color-warning, #f2c14e);
    }
  }
  :host([theme='dark']) {
    --_accent: var(--pi-color-accent, #7aa7ff);
    --_accent-contrast: var(--pi-color-accent-contrast, #0b1220);
    --_bg: var(--pi-color-bg, #15181d);
    --_surface: var(--pi-color-surface, #1f242b);
    --_text: var(--pi-color-text, #e6e9ee);
    --_muted: var(--pi-color-muted, #a4adb9);
    --_border: var(--pi-color-border, #3a424d);
    --_danger: var(--pi-color-danger, #ff8c80);
    --_success: var(--pi-color-success, #6fd08c);
    --_warning: var(--pi-color-warning, #f2c14e);
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
    min-height: 2.25rem;
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
    min-height: 2.25rem;
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
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
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
`;
