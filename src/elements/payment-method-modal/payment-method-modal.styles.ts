import { css } from 'lit';
import { controls, tokens } from '../../styles/tokens.js';

export const paymentMethodModalStyles = [
  tokens,
  controls,
  css`
    :host {
      display: contents;
    }
    dialog {
      width: min(var(--pi-modal-width, 32rem), calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      overflow: auto;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.45;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: calc(var(--_space) * 3);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    h3 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 1em;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .field > label,
    legend {
      font-weight: 600;
    }
    .field > input {
      width: 100%;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
    }
    .check {
      display: flex;
      align-items: flex-start;
      gap: var(--_space);
    }
    .check input {
      min-height: auto;
      width: 1.125rem;
      height: 1.125rem;
      margin: 0.15rem 0 0;
      flex: none;
    }
    .mandate {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: var(--_space) calc(var(--_space) * 1.5);
    }
    .mandate-text {
      margin: 0 0 var(--_space);
      white-space: pre-line;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--_space);
      margin-top: var(--_space);
    }
    .loading {
      display: flex;
      align-items: center;
      gap: var(--_space);
      color: var(--_muted);
      margin: 0;
    }
    .announce:empty {
      /* Out of the flex flow (no gap) but still present, so it announces when filled. */
      position: absolute;
    }
    .announce .alert {
      margin: 0;
    }
  `,
];
