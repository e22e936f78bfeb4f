import type { paymentMethodModal as en } from '../en/payment-method-modal.js';
import type { Translation } from '../types.js';

/** Mensajes de `<payment-method-modal>`. */
export const paymentMethodModal: Translation<typeof en> = {
  'paymentMethodModal.title.card': 'Ingresar datos de la tarjeta',
  'paymentMethodModal.title.ach': 'Ingresar datos bancarios',
  'paymentMethodModal.submit.card': 'Usar esta tarjeta',
  'paymentMethodModal.submit.ach': 'Usar esta cuenta bancaria',
  'paymentMethodModal.cancel': 'Cancelar',
  'paymentMethodModal.close': 'Cerrar',
  'paymentMethodModal.loading': 'Cargando el formulario de pago…',
  'paymentMethodModal.working': 'Verificando los datos…',
  'paymentMethodModal.unavailable.card': 'El ingreso de tarjetas no está disponible en este momento. {reason}',
  'paymentMethodModal.unavailable.ach': 'El ingreso de cuentas bancarias no está disponible en este momento. {reason}',
  'paymentMethodModal.unavailable.generic': 'No se pudo cargar el formulario de pago. Cierre esta ventana e inténtelo de nuevo.',
  'paymentMethodModal.holderName': 'Titular de la cuenta',
  'paymentMethodModal.accountType': 'Tipo de cuenta',
  'paymentMethodModal.accountType.checking': 'Corriente',
  'paymentMethodModal.accountType.savings': 'De ahorros',
  'paymentMethodModal.mandate.heading': 'Autorización',
  'paymentMethodModal.mandate.accept': 'Autorizo este débito de mi cuenta bancaria según lo descrito arriba.',
  'paymentMethodModal.mandate.default':
    'Autorizo a {company} a debitar electrónicamente de mi cuenta bancaria {account} la suma de {amount} el {date}. ' +
    'Esta autorización es para un único pago. Puedo revocarla comunicándome con {company} antes de que se procese el débito.',
  'paymentMethodModal.mandate.companyGeneric': 'el beneficiario',
  'paymentMethodModal.mandate.amountGeneric': 'el total del pago',
  'paymentMethodModal.mandate.accountGeneric': 'indicada arriba',
  'paymentMethodModal.mandate.accountEnding': 'terminada en {last4}',
  'paymentMethodModal.save': 'Guardar para pagos futuros',
  'paymentMethodModal.error.holderName': 'Ingrese el nombre del titular de la cuenta bancaria.',
  'paymentMethodModal.error.mandate': 'Marque la casilla para autorizar el débito. El pago no puede continuar sin ella.',
  'paymentMethodModal.error.generic': 'No se pudieron verificar los datos. Inténtelo de nuevo.',
  'paymentMethodModal.error.summary': 'Revise el formulario: {messages}',
};
