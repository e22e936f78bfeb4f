import { css } from 'lit';

export const payInvoicesStyles = css`
  .pay {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .head {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .head h2 {
    margin: 0;
    font-size: 1.375em;
  }
  .head .spacer {
    flex: 1;
  }
  button.info {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0;
    border-radius: 50%;
    font-weight: 700;
    font-style: italic;
    font-family: Georgia, 'Times New Roman', serif;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.0625em;
  }
  .block {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin: 0;
    min-width: 0;
  }
  fieldset.block > legend {
    font-weight: 600;
    padding: 0 calc(var(--_space) / 2);
  }
  .form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .state {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }

  /* Invoice table: ARIA table on CSS grid (long lists are windowed). */
  .table {
    overflow-x: auto;
  }
  .row {
    display: grid;
    grid-template-columns:
      2.5rem minmax(6rem, 1.2fr) minmax(6rem, 1fr) minmax(6rem, 1fr) minmax(6.5rem, 1fr)
      minmax(5.5rem, 0.8fr) minmax(9.5rem, 1.4fr);
    align-items: center;
    column-gap: var(--_space);
    min-width: 46rem;
    min-height: var(--_row-height);
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
    width: 100%;
  }
  .row.header {
    font-weight: 600;
    background: var(--_surface);
    border-bottom-width: 2px;
  }
  .row.selected {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .row.flagged {
    color: var(--_muted);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /*
   * More than 150 rows: the table scrolls in a box of its own, both ways, its header stuck to the
   * top, and only the rows in view are rendered (window.ts).
   */
  .table.windowed {
    height: min(60vh, 30rem);
    min-height: 9rem;
    overflow: auto;
    contain: content;
  }
  .table.windowed .table-head {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  /*
   * Stacked (the element under 760 px): each invoice is a card — checkbox, number and open
   * balance; invoice and due dates; the pending note; the amount field once selected. The header
   * row is visually hidden (for screen readers only); the column names appear beside the values
   * (data-label).
   */
  .stacked .row {
    grid-template-columns: 2rem minmax(0, 1fr) minmax(0, 1fr);
    row-gap: 0.25rem;
    min-width: 0;
    padding-block: calc(var(--_space) * 0.75);
  }
  .stacked .select {
    grid-area: 1 / 1;
  }
  .stacked .number {
    grid-area: 1 / 2;
    font-weight: 600;
  }
  .stacked .balance {
    grid-area: 1 / 3;
  }
  .stacked .issued {
    grid-area: 2 / 2;
  }
  .stacked .due {
    grid-area: 2 / 3;
    text-align: end;
  }
  .stacked :is(.issued, .due) {
    font-size: 0.875em;
  }
  .stacked .pending {
    grid-area: 3 / 2 / 4 / 4;
    text-align: start;
  }
  .stacked .amount-cell {
    grid-area: 4 / 2 / 5 / 4;
  }
  .stacked :is(.pending, .amount-cell).none {
    display: none;
  }
  .stacked [data-label]::before {
    content: attr(data-label) ': ';
    color: var(--_muted);
  }
  .amount-cell input {
    width: 100%;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .amount-cell input[readonly] {
    background: var(--_surface);
  }
  .flag {
    font-size: 0.875em;
    color: var(--_warning);
  }
  .pending-note {
    display: block;
    font-size: 0.8125em;
    color: var(--_warning);
  }
  .table-foot {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
    padding-top: var(--_space);
  }
  label.inline {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }

  /* Credits */
  table.credits {
    border-collapse: collapse;
    width: 100%;
  }
  table.credits th,
  table.credits td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  table.credits td.num,
  table.credits th.num {
    text-align: end;
  }
  table.credits input[type='text'] {
    width: 9rem;
    text-align: end;
  }
  /* Stacked (under 760 px): each credit is a card — its checkbox and amount, its date, the amount to apply. */
  table.credits.stacked,
  table.credits.stacked :is(thead, tbody) {
    display: block;
  }
  table.credits.stacked tbody tr {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  table.credits.stacked td {
    padding: 0;
    border: none;
    min-width: 0;
  }
  table.credits.stacked .date {
    grid-area: 2 / 1;
    font-size: 0.875em;
  }
  table.credits.stacked .available {
    grid-area: 1 / 2;
  }
  table.credits.stacked .apply {
    grid-column: 1 / -1;
  }
  table.credits.stacked .apply.none {
    display: none;
  }

  /* Amounts: lump sum and totals */
  .amounts {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
  }
  .lump .controls {
    display: flex;
    gap: var(--_space);
    align-items: center;
    flex-wrap: wrap;
  }
  .lump input {
    width: 10rem;
    text-align: end;
  }
  dl.totals {
    display: grid;
    grid-template-columns: 1fr auto;
    row-gap: calc(var(--_space) / 2);
    margin: 0;
  }
  dl.totals dt {
    margin: 0;
  }
  dl.totals dd {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dl.totals .grand {
    font-weight: 700;
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) / 2);
  }

  /* Method */
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin-bottom: var(--_space);
  }
  .saved {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
    padding: 0;
    border: none;
  }
  .saved legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: calc(var(--_space) / 2);
  }
  .ach-auth h4 {
    margin: var(--_space) 0 0;
  }
  .mandate {
    white-space: pre-wrap;
    max-height: 10rem;
    overflow: auto;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: var(--_space) 0;
  }

  /* Memo */
  .memo textarea {
    display: block;
    width: 100%;
    min-height: 4.5rem;
    resize: vertical;
    unicode-bidi: plaintext;
  }
  .memo label {
    font-weight: 600;
    display: block;
    margin-bottom: calc(var(--_space) / 2);
  }
  .counter {
    font-size: 0.875em;
    margin: 0.25rem 0 0;
  }

  /* Submit */
  .submit {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
  }
  .submit button.primary {
    min-height: 2.75rem;
    font-weight: 600;
  }
  .alert:focus {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  .alert p {
    margin: 0 0 var(--_space);
  }
  .alert p:last-child {
    margin-bottom: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: var(--_space);
  }
  .alert ul {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25rem;
  }

  /* Receipt */
  .receipt h3 {
    font-size: 1.25em;
    display: inline-block;
  }
  .receipt h3:focus {
    outline: none;
  }
  .receipt h3:focus-visible {
    box-shadow: var(--_focus-ring);
  }
  .receipt dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0 0 var(--_space);
  }
  .receipt dt {
    font-weight: 600;
  }
  .receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .receipt table {
    border-collapse: collapse;
    min-width: 18rem;
    margin: var(--_space) 0;
  }
  .receipt th,
  .receipt td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .receipt .num {
    text-align: end;
  }
  .receipt tfoot th,
  .receipt tfoot td {
    font-weight: 700;
  }
  .receipt .memo-text {
    white-space: pre-wrap;
    unicode-bidi: plaintext;
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
