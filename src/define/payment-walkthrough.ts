/** Registers `<payment-walkthrough>`. */
import { defineElement } from './define.js';
import { PaymentWalkthrough } from '../elements/payment-walkthrough/payment-walkthrough.js';

defineElement('payment-walkthrough', PaymentWalkthrough);

export { PaymentWalkthrough };
