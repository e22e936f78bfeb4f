import type { stripe as en } from '../en/stripe.js';
import type { Translation } from '../types.js';

/** Messages du StripeCollector (saisie de carte et de compte bancaire avec Stripe Elements). */
export const stripe: Translation<typeof en> = {
  'stripe.loading.card': 'Chargement du formulaire de carte sécurisé…',
  'stripe.loading.ach': 'Chargement du formulaire de compte bancaire sécurisé…',
  'stripe.region.card': 'Informations de carte',
  'stripe.region.ach': 'Coordonnées bancaires',

  'stripe.unavailable.card':
    'Les paiements par carte sont indisponibles\u00a0: le prestataire de paiement n’a pas pu être chargé. ' +
    'Vérifiez votre connexion internet ou tout bloqueur de contenu, puis réessayez.',
  'stripe.unavailable.ach':
    'Les paiements par compte bancaire sont indisponibles\u00a0: le prestataire de paiement n’a pas pu être chargé. ' +
    'Vérifiez votre connexion internet ou tout bloqueur de contenu, puis réessayez.',
  'stripe.error.loadFields': 'Le formulaire de paiement sécurisé n’a pas pu s’afficher. Fermez cette fenêtre et réessayez.',
  'stripe.error.notReady': 'Le formulaire de paiement sécurisé est encore en cours de chargement. Patientez un instant et réessayez.',
  'stripe.error.incomplete.card': 'Complétez les informations de carte.',
  'stripe.error.incomplete.ach': 'Complétez les coordonnées bancaires.',
  'stripe.error.closed': 'Ce formulaire a été fermé. Rouvrez-le.',
  'stripe.error.generic': 'Les informations de paiement n’ont pas pu être vérifiées. Réessayez.',
  'stripe.error.network': 'Le prestataire de paiement est injoignable. Vérifiez votre connexion et réessayez.',
  'stripe.error.declined': 'La carte a été refusée. Utilisez une autre carte ou contactez l’émetteur de votre carte.',
  'stripe.error.unsupported': 'Ce moyen de paiement ne peut pas être utilisé ici. Utilisez une carte ou un compte bancaire américain.',
  'stripe.bank.unknownName': 'Compte bancaire',
  'stripe.verify.failed': 'Le code du micro-dépôt ne correspond pas. Vérifiez le code sur votre relevé bancaire et réessayez.',
};
