/** The backend seam: the interface, its typed errors, the REST implementation and the contract's types. */
export * from './types.js';
export * from './errors.js';
export * from './rest-backend.js';
export type {
  AchAuthorization,
  Account,
  AddPaymentMethodRequest,
  Allocation,
  BankSummary,
  CardSummary,
  CashReceipt,
  CashReceiptStatus,
  CollectedMethod,
  Credit,
  CreditApplication,
  ErrorBody,
  Invoice,
  InvoiceFilter,
  InvoiceLine,
  InvoicePage,
  InvoiceSort,
  InvoiceStatus,
  MethodSummary,
  MethodType,
  Payment,
  PaymentMethodChoice,
  PaymentRequest,
  PaymentStatus,
  SavedPaymentMethod,
  Settings,
  Surcharge,
  Viewer,
} from '../core/schemas.js';
