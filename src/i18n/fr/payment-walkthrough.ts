import type { paymentWalkthrough as en } from '../en/payment-walkthrough.js';
import type { Translation } from '../types.js';

/** Messages de `<payment-walkthrough>`. */
export const paymentWalkthrough: Translation<typeof en> = {
  'paymentWalkthrough.progress': 'Étape {current} sur {total}',
  'paymentWalkthrough.back': 'Retour',
  'paymentWalkthrough.next': 'Suivant',
  'paymentWalkthrough.done': 'Terminé',
  'paymentWalkthrough.close': 'Fermer le guide',
  'paymentWalkthrough.step.invoices.title': 'Choisissez les factures',
  'paymentWalkthrough.step.invoices.body':
    'Cochez la case à côté de chaque facture ouverte que vous voulez payer. Seules les factures ouvertes sont affichées.',
  'paymentWalkthrough.step.amounts.title': 'Indiquez les montants',
  'paymentWalkthrough.step.amounts.body':
    'Une facture sélectionnée est payée en totalité, sauf si vous modifiez son montant. Saisissez un montant inférieur pour un paiement partiel.',
  'paymentWalkthrough.step.method.title': 'Choisissez comment payer',
  'paymentWalkthrough.step.method.body':
    'Choisissez Compte bancaire (ACH) ou Carte de crédit ou de débit. Le compte bancaire est proposé lorsque votre site accepte les paiements ACH.',
  'paymentWalkthrough.step.method-entry.title': 'Choisissez ou saisissez le moyen de paiement',
  'paymentWalkthrough.step.method-entry.body':
    'Choisissez un moyen de paiement enregistré, ou appuyez sur Saisir les informations de carte ou Saisir les coordonnées bancaires et remplissez le formulaire qui s’ouvre.',
  'paymentWalkthrough.step.memo.title': 'Ajoutez un mémo',
  'paymentWalkthrough.step.memo.body': 'Vous pouvez ajouter une note sur ce paiement dans le champ Mémo.',
  'paymentWalkthrough.step.submit.title': 'Effectuez le paiement',
  'paymentWalkthrough.step.submit.body':
    'Vérifiez le total, puis appuyez sur Effectuer le paiement pour l’envoyer. Une confirmation s’affiche à la réception du paiement.',
};
