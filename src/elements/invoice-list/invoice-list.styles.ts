import { css } from 'lit';
import { controls, tokens } from '../../styles/tokens.js';

const tables = css`
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  tbody tr {
    height: var(--_row-height);
  }
  thead th {
    font-weight: 600;
    white-space: nowrap;
    background: var(--_surface);
  }
  tbody th {
    font-weight: 600;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .status.bad {
    color: var(--_danger);
  }
  /*
   * Stacked (an element narrower than its table: a phone, a side panel): each row is a two-column
   * card; header cells that only name a column are visually hidden (the elements add the shared
   * .visually-hidden class), and the column names appear beside the values (data-label). The
   * rows keep explicit table roles in the markup: a row that is not laid out as a table row may
   * lose its table semantics.
   */
  .stacked table,
  .stacked thead,
  .stacked tbody {
    display: block;
  }
  .stacked tbody tr {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0.25rem var(--_space);
    height: auto;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .stacked tbody :is(th, td) {
    padding: 0;
    border: none;
    min-width: 0;
    white-space: normal;
  }
  .stacked td[data-label]::before {
    content: attr(data-label) ': ';
    color: var(--_muted);
    font-weight: 400;
  }
`;

export const historyStyles = [
  tokens,
  controls,
  tables,
  css`
    /* Stacked: receipt and amount, date and status, then the method and the invoices paid. */
    .stacked tbody th {
      grid-area: 1 / 1;
    }
    .stacked .amount {
      grid-area: 1 / 2;
      font-weight: 600;
    }
    .stacked .date {
      grid-area: 2 / 1;
    }
    .stacked .status {
      grid-area: 2 / 2;
      text-align: end;
    }
    .stacked :is(.method, .invoices) {
      grid-column: 1 / -1;
    }
    .stacked :is(.date, .method, .invoices) {
      font-size: 0.875em;
    }
  `,
];

export const invoiceListStyles = [
  tokens,
  controls,
  tables,
  css`
    [hidden] {
      display: none !important;
    }
    h2,
    h3 {
      margin: 0 0 var(--_space);
      font-size: 1.25em;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      box-shadow: var(--_focus-ring);
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      align-items: end;
      margin-block: var(--_space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .field label {
      font-weight: 600;
    }
    .grow {
      flex: 1 1 14rem;
    }
    .account-search {
      margin-block-end: calc(var(--_space) * 2);
    }
    .account-results {
      list-style: none;
      padding: 0;
      margin: var(--_space) 0 0;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 32rem;
    }
    .account-results button {
      width: 100%;
      text-align: start;
    }
    .state {
      margin: var(--_space) 0;
      min-height: 1.45em;
    }
    .sort {
      font: inherit;
      font-weight: 600;
      background: none;
      border: none;
      padding: 0;
      min-height: 0;
      color: inherit;
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
      text-align: inherit;
    }
    .sort-icon {
      color: var(--_muted);
      font-size: 0.8em;
    }
    th.num .sort {
      flex-direction: row-reverse;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.25rem;
      padding: 0 0.375rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_danger);
      color: var(--_danger);
      font-size: 0.8125em;
      font-weight: 600;
      white-space: nowrap;
    }
    .sub {
      display: block;
      font-weight: 400;
      font-size: 0.875em;
      color: var(--_muted);
      max-width: 20rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .actions {
      white-space: nowrap;
    }
    .actions button + button {
      margin-inline-start: 0.25rem;
    }
    .flag {
      display: block;
      color: var(--_danger);
      font-size: 0.875em;
      white-space: normal;
      margin-block-start: 0.25rem;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
      justify-content: flex-end;
      margin-block: var(--_space);
    }
    .pager .page {
      margin-inline: var(--_space);
    }
    .busy {
      opacity: 0.6;
    }
    dialog {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      padding: calc(var(--_space) * 2);
      width: min(44rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .dialog-head {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: var(--_space);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem calc(var(--_space) * 2);
      margin: var(--_space) 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    /*
     * Stacked (the list under 880 px): each invoice is a card — number and balance, status and due
     * date, invoice date and total, then Pay Now and Details. The header row shows only its sort
     * buttons, in a wrapping line.
     */
    .stacked thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem calc(var(--_space) * 1.5);
      padding: calc(var(--_space) * 0.75) var(--_space);
      background: var(--_surface);
      border-bottom: 1px solid var(--_border);
    }
    .stacked thead th {
      padding: 0;
      border: none;
      background: none;
    }
    .stacked tbody th {
      grid-area: 1 / 1;
    }
    .stacked .balance {
      grid-area: 1 / 2;
      font-weight: 600;
    }
    .stacked :is(.status, .due, .issued, .total, .pending) {
      font-size: 0.875em;
    }
    .stacked .status {
      grid-area: 2 / 1;
    }
    .stacked .due {
      grid-area: 2 / 2;
      text-align: end;
    }
    .stacked .issued {
      grid-area: 3 / 1;
    }
    .stacked .total {
      grid-area: 3 / 2;
    }
    .stacked .pending {
      grid-area: 4 / 1 / 5 / 3;
    }
    .stacked .pending.none {
      display: none;
    }
    .stacked .actions {
      grid-area: 5 / 1 / 6 / 3;
      white-space: normal;
      padding-block-start: calc(var(--_space) / 2);
    }
    .stacked .sub {
      max-width: none;
    }
    /* The invoice's lines in the details dialog: the line, then quantity, unit price and amount. */
    .lines.stacked tbody tr {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .lines.stacked .line {
      grid-column: 1 / -1;
    }
    .lines.stacked :is(.qty, .unit, .amount) {
      font-size: 0.875em;
      text-align: start;
    }
    .history-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: var(--_space);
    }
  `,
];
