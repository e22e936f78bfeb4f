import { css } from 'lit';

/** Styles of `<pay-invoices-saved-methods>` (beside `tokens` and `controls`). */
export const savedMethodsStyles = css`
  :host {
    background: transparent;
  }
  h4 {
    margin: var(--_space) 0;
    font-size: 1em;
  }
  h4:focus {
    outline: none;
  }
  ul.methods {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  li.method {
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  li.method + li.method {
    border-top: 1px solid var(--_border);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .summary {
    flex: 1 1 14rem;
  }
  .summary:focus {
    outline: none;
  }
  .summary:focus-visible {
    box-shadow: var(--_focus-ring);
    border-radius: var(--_radius);
  }
  .badge.bad {
    color: var(--_danger);
    border-color: currentColor;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .confirm,
  .verify {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .verify {
    border-inline-start-color: var(--_accent);
  }
  .confirm p,
  .verify p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .verify label {
    display: block;
    font-weight: 600;
  }
  .verify .controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .verify input {
    width: 12rem;
    max-width: 100%;
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .verify input:placeholder-shown {
    text-transform: none;
  }
  .progress {
    margin: 0;
    min-height: 1.2em;
  }
  .progress:empty {
    display: none;
  }
`;
