import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Italian. */
export const contactCard = {
  cardLabel: 'Contatto',
  cardEmpty: 'Nessun chiamante',
  cardError: 'Impossibile caricare il contatto',
  cardActionFailed: 'Non ha funzionato. Riprova.',
  cardMatches: (count) =>
    plural('it', count, {
      one: '# record corrisponde a questo numero',
      other: '# record corrispondono a questo numero',
    }),
  cardChoose: 'Scegli il chiamante',
  cardOtherMatches: (count) =>
    plural('it', count, {
      one: 'Non è questo chiamante? # corrispondenza',
      other: 'Non è questo chiamante? # corrispondenze',
    }),
  cardChosen: (name) => `${name} selezionato`,
  cardOpen: (name) => `Apri ${name} in Dynamics 365`,
  cardCreate: 'Crea contatto',
  cardSearch: 'Cerca',
  cardCall: (type, number) => `Chiama il ${number} (${type.toLocaleLowerCase('it')})`,
  cardCopy: (type, number) => `Copia il numero ${number} (${type.toLocaleLowerCase('it')})`,
  cardCopied: (number) => `${number} copiato`,
  cardCopyFailed: 'Impossibile copiare il numero',
  cardPhone: 'Telefono',
  cardPhoneBusiness: 'Ufficio',
  cardPhoneMobile: 'Cellulare',
  cardPhoneHome: 'Casa',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Altro',
  cardEmail: 'E-mail',
  cardAddress: 'Indirizzo',
  cardLocalTime: 'Ora locale',
  cardVip: 'VIP',
  cardDoNotCall: 'Non chiamare',
  cardContact: 'Contatto',
  cardAccount: 'Account',
  cardLead: 'Lead',
  cardActivity: 'Attività recenti',
  cardNoActivity: 'Nessuna attività recente',
  cardActivityFailed: 'Impossibile caricare le attività recenti',
  cardPhoneCall: 'Telefonata',
  cardCase: 'Caso',
  cardOtherActivity: 'Attività',
} as const satisfies CifContactCardTerms;
