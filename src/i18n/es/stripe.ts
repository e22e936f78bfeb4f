import type { stripe as en } from '../en/stripe.js';
import type { Translation } from '../types.js';

/** Mensajes del StripeCollector (ingreso de tarjeta y banco con Stripe Elements). */
export const stripe: Translation<typeof en> = {
  'stripe.loading.card': 'Cargando el formulario seguro de tarjeta…',
  'stripe.loading.ach': 'Cargando el formulario seguro de cuenta bancaria…',
  'stripe.region.card': 'Datos de la tarjeta',
  'stripe.region.ach': 'Datos de la cuenta bancaria',

  'stripe.unavailable.card':
    'Los pagos con tarjeta no están disponibles: no se pudo cargar el procesador de pagos. ' +
    'Revise su conexión a internet o cualquier bloqueador de contenido e inténtelo de nuevo.',
  'stripe.unavailable.ach':
    'Los pagos con cuenta bancaria no están disponibles: no se pudo cargar el procesador de pagos. ' +
    'Revise su conexión a internet o cualquier bloqueador de contenido e inténtelo de nuevo.',
  'stripe.error.loadFields': 'No se pudo mostrar el formulario de pago seguro. Cierre esta ventana e inténtelo de nuevo.',
  'stripe.error.notReady': 'El formulario de pago seguro todavía se está cargando. Espere un momento e inténtelo de nuevo.',
  'stripe.error.incomplete.card': 'Complete los datos de la tarjeta.',
  'stripe.error.incomplete.ach': 'Complete los datos de la cuenta bancaria.',
  'stripe.error.closed': 'Este formulario se cerró. Vuelva a abrirlo.',
  'stripe.error.generic': 'No se pudieron verificar los datos de pago. Inténtelo de nuevo.',
  'stripe.error.network': 'No se pudo contactar al procesador de pagos. Revise su conexión e inténtelo de nuevo.',
  'stripe.error.declined': 'La tarjeta fue rechazada. Use otra tarjeta o comuníquese con el emisor de su tarjeta.',
  'stripe.error.unsupported': 'Este método de pago no se puede usar aquí. Use una tarjeta o una cuenta bancaria de EE. UU.',
  'stripe.bank.unknownName': 'Cuenta bancaria',
  'stripe.verify.failed': 'El código del microdepósito no coincide. Revise el código en su estado de cuenta bancario e inténtelo de nuevo.',
};
