import { defineElement } from './define.js';
import { PaymentMethodModal } from '../elements/payment-method-modal/payment-method-modal.js';

defineElement('payment-method-modal', PaymentMethodModal);

export { PaymentMethodModal };
