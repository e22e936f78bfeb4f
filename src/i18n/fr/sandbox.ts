import type { sandbox as en } from '../en/sandbox.js';
import type { Translation } from '../types.js';

/** Messages du SandboxCollector (champs de carte et de banque en MODE TEST, défi 3-D Secure de test). */
export const sandbox: Translation<typeof en> = {
  'sandbox.testMode': 'MODE TEST',
  'sandbox.card.hint': 'Utilisez des numéros de carte de test Stripe comme 4242 4242 4242 4242, une date future et un CVC quelconques.',
  'sandbox.bank.hint': 'Utilisez les comptes bancaires de test Stripe\u00a0: numéro d’acheminement 110000000, numéro de compte 000123456789.',
  'sandbox.card.number': 'Numéro de carte',
  'sandbox.card.expiry': 'Expiration (MM / AA)',
  'sandbox.card.cvc': 'CVC',
  'sandbox.card.zip': 'Code postal',
  'sandbox.bank.routing': 'Numéro d’acheminement',
  'sandbox.bank.account': 'Numéro de compte',
  'sandbox.bank.confirm': 'Confirmez le numéro de compte',
  'sandbox.bank.name': 'STRIPE TEST BANK',

  'sandbox.error.number.empty': 'Saisissez le numéro de carte.',
  'sandbox.error.number.digits': 'Un numéro de carte ne contient que des chiffres.',
  'sandbox.error.number.invalid': 'Ce numéro de carte n’est pas valide. Vérifiez-le et réessayez.',
  'sandbox.error.number.notTest': 'En mode test, seuls les numéros de carte de test fonctionnent. Utilisez une carte de test Stripe comme 4242 4242 4242 4242.',
  'sandbox.error.expiry.empty': 'Saisissez la date d’expiration.',
  'sandbox.error.expiry.invalid': 'Saisissez la date d’expiration au format MM / AA, par exemple 12 / 30.',
  'sandbox.error.expiry.past': 'Cette carte a expiré. Vérifiez la date ou utilisez une autre carte.',
  'sandbox.error.cvc.invalid': 'Saisissez le code de sécurité à 3 chiffres au dos de la carte.',
  'sandbox.error.cvc.amex': 'Saisissez le code de sécurité à 4 chiffres au recto de la carte.',
  'sandbox.error.cvc.either': 'Saisissez le code de sécurité à 3 ou 4 chiffres.',
  'sandbox.error.zip.empty': 'Saisissez le code postal.',
  'sandbox.error.zip.invalid': 'Saisissez un code postal valide.',

  'sandbox.error.routing.empty': 'Saisissez le numéro d’acheminement.',
  'sandbox.error.routing.digits': 'Un numéro d’acheminement ne contient que des chiffres.',
  'sandbox.error.routing.length': 'Un numéro d’acheminement comporte 9 chiffres.',
  'sandbox.error.routing.checksum': 'Ce numéro d’acheminement n’est pas valide. Vérifiez-le sur un chèque ou un relevé bancaire.',
  'sandbox.error.routing.notTest': 'En mode test, seuls les comptes bancaires de test fonctionnent. Utilisez le numéro d’acheminement 110000000.',
  'sandbox.error.account.empty': 'Saisissez le numéro de compte.',
  'sandbox.error.account.digits': 'Un numéro de compte ne contient que des chiffres.',
  'sandbox.error.account.length': 'Un numéro de compte comporte de 4 à 17 chiffres.',
  'sandbox.error.account.notTest': 'En mode test, seuls les comptes bancaires de test fonctionnent. Utilisez le numéro de compte 000123456789.',
  'sandbox.error.confirm.empty': 'Saisissez de nouveau le numéro de compte.',
  'sandbox.error.confirm.mismatch': 'Les numéros de compte ne correspondent pas.',
  'sandbox.error.closed': 'Ce formulaire a été fermé. Rouvrez-le.',

  'sandbox.challenge.title': 'Défi 3-D Secure de test',
  'sandbox.challenge.body':
    'Cette page remplace celle d’authentification de l’émetteur de la carte. Aucune banque n’est contactée. Choisissez l’issue du test.',
  'sandbox.challenge.complete': 'Réussir l’authentification',
  'sandbox.challenge.fail': 'Faire échouer l’authentification',
};
