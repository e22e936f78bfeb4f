import type { savedMethods as en } from '../en/saved-methods.js';
import type { Translation } from '../types.js';

/** Mensajes de `<pay-invoices-saved-methods>` («Administrar métodos guardados»). */
export const savedMethods: Translation<typeof en> = {
  'savedMethods.heading': 'Métodos de pago guardados',
  'savedMethods.empty': 'No hay métodos de pago guardados.',
  'savedMethods.cardSummary': '{summary}, vence {month}/{year}',
  'savedMethods.badge.default': 'Predeterminado',
  'savedMethods.badge.expired': 'Vencida',
  'savedMethods.badge.pending': 'Pendiente de verificación',
  'savedMethods.badge.failed': 'Verificación fallida',

  'savedMethods.makeDefault': 'Predeterminar',
  'savedMethods.makeDefaultLabel': 'Predeterminar: {summary}',
  'savedMethods.remove': 'Eliminar',
  'savedMethods.removeLabel': 'Eliminar {summary}',
  'savedMethods.confirmRemove': '¿Eliminar {summary}?',
  'savedMethods.confirmRemoveDefault': 'Es el método predeterminado: el siguiente método válido pasará a ser el predeterminado.',
  'savedMethods.confirm': 'Eliminar',
  'savedMethods.keep': 'Conservar',
  'savedMethods.verify': 'Verificar',
  'savedMethods.verifyLabel': 'Verificar {summary}',

  'savedMethods.code.label': 'Código del depósito',
  'savedMethods.code.hint':
    'Enviamos microdepósitos a esta cuenta. Ingrese el código de 6 caracteres que empieza por SM de la descripción del depósito en su estado de cuenta (por ejemplo SM11AA), o los importes de los dos depósitos.',
  'savedMethods.code.empty': 'Ingrese el código del depósito.',
  'savedMethods.code.format': 'Ingrese el código de 6 caracteres que empieza por SM (por ejemplo SM11AA), o los importes de los dos depósitos (por ejemplo 0.32 0.45).',
  'savedMethods.code.wrong': 'Ese código no coincide con el depósito. Revise su estado de cuenta e inténtelo de nuevo.',
  'savedMethods.code.tooMany': 'Demasiados códigos incorrectos: no se pudo verificar {summary}. Elimínela y agréguela de nuevo.',

  'savedMethods.error.expired': 'Una tarjeta vencida no puede ser la predeterminada. Agregue una tarjeta nueva.',
  'savedMethods.error.unverified': 'Verifique esta cuenta bancaria antes de hacerla predeterminada.',

  'savedMethods.busy.default': 'Haciendo predeterminado {summary}…',
  'savedMethods.busy.remove': 'Eliminando {summary}…',
  'savedMethods.busy.verify': 'Verificando {summary}…',
  'savedMethods.done.default': '{summary} es ahora el método de pago predeterminado.',
  'savedMethods.done.removed': 'Se eliminó {summary}.',
  'savedMethods.done.removedNewDefault': 'Se eliminó {summary}. {next} es ahora el predeterminado.',
  'savedMethods.done.verified': '{summary} está verificada y puede usarse para pagar.',
};
