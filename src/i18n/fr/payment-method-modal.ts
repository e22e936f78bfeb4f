import type { paymentMethodModal as en } from '../en/payment-method-modal.js';
import type { Translation } from '../types.js';

/** Messages de `<payment-method-modal>`. */
export const paymentMethodModal: Translation<typeof en> = {
  'paymentMethodModal.title.card': 'Saisir les informations de carte',
  'paymentMethodModal.title.ach': 'Saisir les coordonnées bancaires',
  'paymentMethodModal.submit.card': 'Utiliser cette carte',
  'paymentMethodModal.submit.ach': 'Utiliser ce compte bancaire',
  'paymentMethodModal.cancel': 'Annuler',
  'paymentMethodModal.close': 'Fermer',
  'paymentMethodModal.loading': 'Chargement du formulaire de paiement…',
  'paymentMethodModal.working': 'Vérification des informations…',
  'paymentMethodModal.unavailable.card': 'La saisie de carte est momentanément indisponible. {reason}',
  'paymentMethodModal.unavailable.ach': 'La saisie de compte bancaire est momentanément indisponible. {reason}',
  'paymentMethodModal.unavailable.generic': 'Le formulaire de paiement n’a pas pu être chargé. Fermez cette fenêtre et réessayez.',
  'paymentMethodModal.holderName': 'Titulaire du compte',
  'paymentMethodModal.accountType': 'Type de compte',
  'paymentMethodModal.accountType.checking': 'Compte chèques',
  'paymentMethodModal.accountType.savings': 'Compte épargne',
  'paymentMethodModal.mandate.heading': 'Autorisation',
  'paymentMethodModal.mandate.accept': 'J’autorise ce prélèvement sur mon compte bancaire comme décrit ci-dessus.',
  'paymentMethodModal.mandate.default':
    'J’autorise {company} à prélever électroniquement {amount} sur mon compte bancaire {account} le {date}. ' +
    'Cette autorisation vaut pour un paiement unique. Je peux la révoquer en contactant {company} avant le traitement du prélèvement.',
  'paymentMethodModal.mandate.companyGeneric': 'le bénéficiaire',
  'paymentMethodModal.mandate.amountGeneric': 'le montant total du paiement',
  'paymentMethodModal.mandate.accountGeneric': 'indiqué ci-dessus',
  'paymentMethodModal.mandate.accountEnding': 'se terminant par {last4}',
  'paymentMethodModal.save': 'Enregistrer pour les paiements futurs',
  'paymentMethodModal.error.holderName': 'Saisissez le nom du titulaire du compte bancaire.',
  'paymentMethodModal.error.mandate': 'Cochez la case pour autoriser le prélèvement. Le paiement ne peut pas continuer sans elle.',
  'paymentMethodModal.error.generic': 'Les informations n’ont pas pu être vérifiées. Réessayez.',
  'paymentMethodModal.error.summary': 'Vérifiez le formulaire\u00a0: {messages}',
};
