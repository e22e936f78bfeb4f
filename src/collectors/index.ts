export type {
  Availability,
  CollectOptions,
  CollectedToken,
  CollectorSession,
  PaymentCollector,
} from './types.js';
export { CollectorError } from './types.js';
export {
  SandboxCollector,
  defineSandboxElements,
  isValidatingSession,
  type SandboxCollectorOptions,
  type ValidatingSession,
  type BillingDetails,
  type CollectorChangeDetail,
} from './sandbox-collector.js';
