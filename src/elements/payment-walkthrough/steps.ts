import { translate } from '../../i18n/index.js';

/**
 * One step of `<payment-walkthrough>`. Texts are shown as plain text.
 */
export interface WalkthroughStep {
  /** Stable id, reported in `walkthrough-step` events. */
  id: string;
  /**
   * CSS selector of the element the step highlights, searched inside the walkthrough's scope (see
   * `start(root)` and the `for` attribute). Omit it for a step that only explains (the card is then
   * centred in the viewport with no highlight).
   */
  target?: string;
  /** The card's heading (its accessible name). */
  title: string;
  /** The explanation shown under the heading. */
  body: string;
  /**
   * When true, the step is left out if its target is missing when the walkthrough starts. By
   * default a step whose target is missing is shown without a highlight.
   */
  optional?: boolean;
}

/** Ids of the built-in steps, in order; each id is also its `data-walkthrough` region. */
export const DEFAULT_WALKTHROUGH_STEP_IDS = [
  'invoices',
  'amounts',
  'method',
  'method-entry',
  'memo',
  'submit',
] as const;

/**
 * The built-in steps, translated for `locale` (message keys
 * `paymentWalkthrough.step.<id>.title|body`). Each targets `[data-walkthrough="<id>"]`. The payment
 * method radios only exist when more than one method type is offered, so that step is optional.
 */
export function defaultWalkthroughSteps(locale = 'en'): WalkthroughStep[] {
  return DEFAULT_WALKTHROUGH_STEP_IDS.map((id) => ({
    id,
    target: `[data-walkthrough="${id}"]`,
    title: translate(locale, `paymentWalkthrough.step.${id}.title`),
    body: translate(locale, `paymentWalkthrough.step.${id}.body`),
    ...(id === 'method' ? { optional: true } : {}),
  }));
}
