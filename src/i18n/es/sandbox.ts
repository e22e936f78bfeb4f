import type { sandbox as en } from '../en/sandbox.js';
import type { Translation } from '../types.js';

/** Mensajes del SandboxCollector (campos de tarjeta y banco en MODO DE PRUEBA, desafío 3-D Secure de prueba). */
export const sandbox: Translation<typeof en> = {
  'sandbox.testMode': 'MODO DE PRUEBA',
  'sandbox.card.hint': 'Use números de tarjeta de prueba de Stripe como 4242 4242 4242 4242, cualquier fecha futura y cualquier CVC.',
  'sandbox.bank.hint': 'Use cuentas bancarias de prueba de Stripe: número de ruta 110000000, número de cuenta 000123456789.',
  'sandbox.card.number': 'Número de tarjeta',
  'sandbox.card.expiry': 'Vencimiento (MM / AA)',
  'sandbox.card.cvc': 'CVC',
  'sandbox.card.zip': 'Código postal',
  'sandbox.bank.routing': 'Número de ruta',
  'sandbox.bank.account': 'Número de cuenta',
  'sandbox.bank.confirm': 'Confirme el número de cuenta',
  'sandbox.bank.name': 'STRIPE TEST BANK',

  'sandbox.error.number.empty': 'Ingrese el número de tarjeta.',
  'sandbox.error.number.digits': 'Un número de tarjeta solo contiene dígitos.',
  'sandbox.error.number.invalid': 'Este número de tarjeta no es válido. Revíselo e inténtelo de nuevo.',
  'sandbox.error.number.notTest': 'En modo de prueba solo funcionan números de tarjeta de prueba. Use una tarjeta de prueba de Stripe como 4242 4242 4242 4242.',
  'sandbox.error.expiry.empty': 'Ingrese la fecha de vencimiento.',
  'sandbox.error.expiry.invalid': 'Ingrese la fecha de vencimiento como MM / AA, por ejemplo 12 / 30.',
  'sandbox.error.expiry.past': 'Esta tarjeta está vencida. Revise la fecha o use otra tarjeta.',
  'sandbox.error.cvc.invalid': 'Ingrese el código de seguridad de 3 dígitos del reverso de la tarjeta.',
  'sandbox.error.cvc.amex': 'Ingrese el código de seguridad de 4 dígitos del frente de la tarjeta.',
  'sandbox.error.cvc.either': 'Ingrese el código de seguridad de 3 o 4 dígitos.',
  'sandbox.error.zip.empty': 'Ingrese el código postal.',
  'sandbox.error.zip.invalid': 'Ingrese un código postal válido.',

  'sandbox.error.routing.empty': 'Ingrese el número de ruta.',
  'sandbox.error.routing.digits': 'Un número de ruta solo contiene dígitos.',
  'sandbox.error.routing.length': 'Un número de ruta tiene 9 dígitos.',
  'sandbox.error.routing.checksum': 'Este número de ruta no es válido. Verifíquelo en un cheque o en un estado de cuenta.',
  'sandbox.error.routing.notTest': 'En modo de prueba solo funcionan cuentas bancarias de prueba. Use el número de ruta 110000000.',
  'sandbox.error.account.empty': 'Ingrese el número de cuenta.',
  'sandbox.error.account.digits': 'Un número de cuenta solo contiene dígitos.',
  'sandbox.error.account.length': 'Un número de cuenta tiene de 4 a 17 dígitos.',
  'sandbox.error.account.notTest': 'En modo de prueba solo funcionan cuentas bancarias de prueba. Use el número de cuenta 000123456789.',
  'sandbox.error.confirm.empty': 'Ingrese el número de cuenta otra vez.',
  'sandbox.error.confirm.mismatch': 'Los números de cuenta no coinciden.',
  'sandbox.error.closed': 'Este formulario se cerró. Vuelva a abrirlo.',

  'sandbox.challenge.title': 'Desafío 3-D Secure de prueba',
  'sandbox.challenge.body':
    'Esto reemplaza la página de autenticación del emisor de la tarjeta. No se contacta a ningún banco. Elija cómo termina la prueba.',
  'sandbox.challenge.complete': 'Completar la autenticación',
  'sandbox.challenge.fail': 'Hacer fallar la autenticación',
};
