export type {
  Availability,
  CollectOptions,
  CollectedToken,
  CollectorSession,
  PaymentCollector,
} from './types.js';
export { CollectorError } from './types.js';
export {
  deferCollector,
  deferredSandboxCollector,
  deferredStripeCollector,
  type DeferredCollector,
} from './lazy.js';
export {
  SandboxCollector,
  defineSandboxElements,
  isValidatingSession,
  type SandboxCollectorOptions,
  type ValidatingSession,
  type BillingDetails,
  type CollectorChangeDetail,
} from './sandbox-collector.js';
export {
  StripeCollector,
  StripeFields,
  createLightDomMount,
  defineStripeElements,
  stripeLocale,
  summarizePaymentMethod,
  type StripeCollectorOptions,
  type MicrodepositInput,
  type MicrodepositResult,
  type LightDomMount,
  type LoadStripeLike,
  type StripeLike,
} from './stripe-collector.js';
export { chooseCollector, type ChooseCollectorOptions } from './choose.js';
