import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in French. */
export const contactCard = {
  cardLabel: 'Contact',
  cardEmpty: 'Aucun appelant',
  cardError: 'Le contact n’a pas pu être chargé',
  cardActionFailed: 'Cela n’a pas fonctionné. Réessayez.',
  cardMatches: (count) =>
    plural('fr', count, {
      one: '# fiche correspond à ce numéro',
      other: '# fiches correspondent à ce numéro',
    }),
  cardChoose: 'Choisir l’appelant',
  cardOtherMatches: (count) =>
    plural('fr', count, {
      one: 'Pas cet appelant\u00a0? # correspondance',
      other: 'Pas cet appelant\u00a0? # correspondances',
    }),
  cardChosen: (name) => `${name} sélectionné`,
  cardOpen: (name) => `Ouvrir ${name} dans Dynamics 365`,
  cardCreate: 'Créer un contact',
  cardSearch: 'Rechercher',
  cardCall: (type, number) => `Appeler le ${number} (${type.toLocaleLowerCase('fr')})`,
  cardCopy: (type, number) => `Copier le numéro ${number} (${type.toLocaleLowerCase('fr')})`,
  cardCopied: (number) => `${number} copié`,
  cardCopyFailed: 'Le numéro n’a pas pu être copié',
  cardPhone: 'Téléphone',
  cardPhoneBusiness: 'Professionnel',
  cardPhoneMobile: 'Mobile',
  cardPhoneHome: 'Domicile',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Autre',
  cardEmail: 'E-mail',
  cardAddress: 'Adresse',
  cardLocalTime: 'Heure locale',
  cardVip: 'VIP',
  cardDoNotCall: 'Ne pas appeler',
  cardContact: 'Contact',
  cardAccount: 'Compte',
  cardLead: 'Prospect',
  cardActivity: 'Activité récente',
  cardNoActivity: 'Aucune activité récente',
  cardActivityFailed: 'L’activité récente n’a pas pu être chargée',
  cardPhoneCall: 'Appel téléphonique',
  cardCase: 'Incident',
  cardOtherActivity: 'Activité',
} as const satisfies CifContactCardTerms;
