import type { savedMethods as en } from '../en/saved-methods.js';
import type { Translation } from '../types.js';

/** Messages de `<pay-invoices-saved-methods>` (« Gérer les moyens enregistrés »). */
export const savedMethods: Translation<typeof en> = {
  'savedMethods.heading': 'Moyens de paiement enregistrés',
  'savedMethods.empty': 'Aucun moyen de paiement enregistré.',
  'savedMethods.cardSummary': '{summary}, expire le {month}/{year}',
  'savedMethods.badge.default': 'Par défaut',
  'savedMethods.badge.expired': 'Expirée',
  'savedMethods.badge.pending': 'En attente de vérification',
  'savedMethods.badge.failed': 'Échec de la vérification',

  'savedMethods.makeDefault': 'Définir par défaut',
  'savedMethods.makeDefaultLabel': 'Définir par défaut : {summary}',
  'savedMethods.remove': 'Supprimer',
  'savedMethods.removeLabel': 'Supprimer {summary}',
  'savedMethods.confirmRemove': 'Supprimer {summary} ?',
  'savedMethods.confirmRemoveDefault': 'C’est le moyen par défaut : le prochain moyen valide deviendra le moyen par défaut.',
  'savedMethods.confirm': 'Supprimer',
  'savedMethods.keep': 'Conserver',
  'savedMethods.verify': 'Vérifier',
  'savedMethods.verifyLabel': 'Vérifier {summary}',

  'savedMethods.code.label': 'Code du dépôt',
  'savedMethods.code.hint':
    'Nous avons envoyé des micro-dépôts sur ce compte. Saisissez le code de 6 caractères commençant par SM figurant dans le libellé du dépôt sur votre relevé (par exemple SM11AA), ou les montants des deux dépôts.',
  'savedMethods.code.empty': 'Saisissez le code du dépôt.',
  'savedMethods.code.format': 'Saisissez le code de 6 caractères commençant par SM (par exemple SM11AA), ou les montants des deux dépôts (par exemple 0.32 0.45).',
  'savedMethods.code.wrong': 'Ce code ne correspond pas au dépôt. Vérifiez votre relevé et réessayez.',
  'savedMethods.code.tooMany': 'Trop de codes erronés : {summary} n’a pas pu être vérifié. Supprimez-le et ajoutez-le de nouveau.',

  'savedMethods.error.expired': 'Une carte expirée ne peut pas être le moyen par défaut. Ajoutez plutôt une nouvelle carte.',
  'savedMethods.error.unverified': 'Vérifiez ce compte bancaire avant d’en faire le moyen par défaut.',

  'savedMethods.busy.default': 'Définition de {summary} par défaut…',
  'savedMethods.busy.remove': 'Suppression de {summary}…',
  'savedMethods.busy.verify': 'Vérification de {summary}…',
  'savedMethods.done.default': '{summary} est désormais le moyen de paiement par défaut.',
  'savedMethods.done.removed': '{summary} a été supprimé.',
  'savedMethods.done.removedNewDefault': '{summary} a été supprimé. {next} est désormais le moyen par défaut.',
  'savedMethods.done.verified': '{summary} est vérifié et peut servir aux paiements.',
};
