/** Pure, DOM-free building blocks: money, allocation, validation and the contract schemas. */
export * from './money.js';
export * from './allocation.js';
export * from './aba.js';
export * from './text.js';
export * from './cards.js';
export * from './test-cards.js';
export * from './idempotency.js';
export * from './invoices.js';
export * from './schemas.js';
