import { defineElement } from './define.js';
import { PaymentMethodModal } from '../elements/payment-method-modal/payment-method-modal.js';
import { defineSandboxElements } from '../collectors/sandbox-collector.js';

defineElement('payment-method-modal', PaymentMethodModal);
defineSandboxElements();

export { PaymentMethodModal };
