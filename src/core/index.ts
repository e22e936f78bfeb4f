/** Pure, DOM-free building blocks: money, allocation, validation and the contract schemas. */
export {
  applyPercent,
  currencyDigits,
  formatMoney,
  isKnownCurrency,
  sumAmounts,
  toMajorString,
  type Money,
  type ParseError,
  type ParseResult,
} from './money.js';
export * from './money-input.js';
export * from './allocation.js';
export * from './aba.js';
export * from './text.js';
export * from './cards.js';
export * from './test-cards.js';
export * from './idempotency.js';
export * from './invoices.js';
export * from './schemas.js';
