import type { common as en } from '../en/common.js';
import type { Translation } from '../types.js';

/** Messages partagés par plusieurs éléments. (`\u00a0`: espace insécable avant « : ? ! ».) */
export const common: Translation<typeof en> = {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.close': 'Fermer',
  'common.cancel': 'Annuler',
  'common.back': 'Retour',
  'common.error.unauthorized': 'Votre session a expiré. Reconnectez-vous, puis réessayez\u00a0; votre sélection est conservée.',
  'common.error.forbidden': 'Vous n’êtes pas autorisé à effectuer cette action. Reconnectez-vous ou contactez votre administrateur.',
  'common.error.network': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'common.error.timeout': 'Le serveur a mis trop de temps à répondre. Réessayez.',
  'common.error.unavailable': 'Le service est momentanément indisponible. Réessayez dans un instant.',
  'common.error.malformed': 'Le serveur a envoyé des données illisibles. Réessayez plus tard ou contactez l’assistance.',
  'common.error.not_found': 'Élément introuvable. Il a peut-être été supprimé.',
  'common.error.collectorLoad': 'Le formulaire de paiement n’a pas pu être chargé. Vérifiez votre connexion, puis réessayez.',
  'common.error.validation': 'La demande n’a pas été acceptée. Vérifiez les valeurs et réessayez.',
  'common.error.conflict': 'Les données ont changé entre-temps. Vérifiez-les et réessayez.',
  'common.error.declined': 'Le paiement a été refusé.',
  'common.error.generic': 'Une erreur s’est produite. Réessayez.',
  'common.status.open': 'Ouverte',
  'common.status.paid': 'Payée',
  'common.status.void': 'Annulée',
};
