import { createContext } from '@lit/context';
import type { PayInvoicesBackend } from '../backend/types.js';
import type { PaymentCollector } from '../collectors/types.js';

/** Hands a backend to every pay-invoices element in a subtree (see `provideBackend`). */
export const backendContext = createContext<PayInvoicesBackend | undefined>(Symbol.for('pay-invoices/backend'));
/** Hands a payment collector to every element in a subtree. */
export const collectorContext = createContext<PaymentCollector | undefined>(Symbol.for('pay-invoices/collector'));
