/** The collector classes (the package entry adds them to api.ts, which has the types and the deferred factories). */
export {
  SandboxCollector,
  defineSandboxElements,
  type SandboxCollectorOptions,
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
