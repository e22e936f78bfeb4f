import type { paymentWalkthrough as en } from '../en/payment-walkthrough.js';
import type { Translation } from '../types.js';

/** Mensajes de `<payment-walkthrough>`. */
export const paymentWalkthrough: Translation<typeof en> = {
  'paymentWalkthrough.progress': 'Paso {current} de {total}',
  'paymentWalkthrough.back': 'Atrás',
  'paymentWalkthrough.next': 'Siguiente',
  'paymentWalkthrough.done': 'Listo',
  'paymentWalkthrough.close': 'Cerrar la guía',
  'paymentWalkthrough.step.invoices.title': 'Elija las facturas',
  'paymentWalkthrough.step.invoices.body':
    'Marque la casilla junto a cada factura abierta que quiera pagar. Solo se muestran las facturas abiertas.',
  'paymentWalkthrough.step.amounts.title': 'Indique los importes',
  'paymentWalkthrough.step.amounts.body':
    'Una factura seleccionada se paga completa salvo que cambie su importe. Ingrese un importe menor para hacer un pago parcial.',
  'paymentWalkthrough.step.method.title': 'Elija cómo pagar',
  'paymentWalkthrough.step.method.body':
    'Elija Cuenta bancaria (ACH) o Tarjeta de crédito o débito. La cuenta bancaria se ofrece cuando su sitio acepta pagos ACH.',
  'paymentWalkthrough.step.method-entry.title': 'Elija o ingrese el método de pago',
  'paymentWalkthrough.step.method-entry.body':
    'Elija un método de pago guardado, o presione Ingresar datos de la tarjeta o Ingresar datos bancarios y complete el formulario emergente.',
  'paymentWalkthrough.step.memo.title': 'Agregue una nota',
  'paymentWalkthrough.step.memo.body': 'Si lo desea, agregue un comentario sobre este pago en el campo Nota.',
  'paymentWalkthrough.step.submit.title': 'Realice el pago',
  'paymentWalkthrough.step.submit.body':
    'Revise el total y presione Realizar pago para enviarlo. Verá una confirmación cuando se reciba el pago.',
};
