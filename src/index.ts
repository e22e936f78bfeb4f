/**
 * Everything for bundler users, registering nothing: the element classes, the backend API, the
 * collectors, context and the message layer. Register elements with `pay-invoices/define/<tag>.js`
 * (or the script-tag bundle `pay-invoices.js`, which registers all four).
 */
export * from './api.js';
export * from './collectors/index.js';
