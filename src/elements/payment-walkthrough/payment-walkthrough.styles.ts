import { css } from 'lit';
import { controls, tokens } from '../../styles/tokens.js';

export const paymentWalkthroughStyles = [
  tokens,
  controls,
  css`
    :host {
      display: contents;
    }
    /* Both layers are manual popovers (top layer, so no ancestor's overflow, transform or z-index
       can clip them); without popover support they are plain fixed-position boxes. */
    .highlight,
    .card {
      position: fixed;
      inset: auto;
      margin: 0;
      z-index: var(--pi-walkthrough-z-index, 2147483000);
      display: none;
    }
    :host([open]) .highlight:not(.none),
    :host([open]) .card {
      display: block;
    }
    .highlight {
      padding: 0;
      overflow: visible;
      pointer-events: none;
      background: transparent;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      box-shadow:
        0 0 0 4px color-mix(in srgb, var(--_accent) 30%, transparent),
        0 0 0 100vmax var(--pi-walkthrough-backdrop, rgb(0 0 0 / 0.18));
    }
    .card {
      width: min(var(--pi-walkthrough-width, 22rem), calc(100vw - 1rem));
      max-height: calc(100vh - 1rem);
      overflow: auto;
      padding: calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.45;
      box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
      animation: pi-walkthrough-in 0.16s ease-out;
    }
    .card:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .head {
      display: flex;
      align-items: flex-start;
      gap: var(--_space);
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.125em;
    }
    button.close {
      min-height: 2rem;
      min-width: 2rem;
      padding: 0;
      border-color: transparent;
      background: none;
      font-size: 1.25em;
      line-height: 1;
    }
    .progress {
      margin: calc(var(--_space) / 2) 0 0;
      font-size: 0.875em;
    }
    .body {
      margin: var(--_space) 0 0;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--_space);
      margin-top: calc(var(--_space) * 2);
    }
    @keyframes pi-walkthrough-in {
      from {
        opacity: 0;
        transform: translateY(4px);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .card {
        animation: none;
      }
    }
  `,
];
