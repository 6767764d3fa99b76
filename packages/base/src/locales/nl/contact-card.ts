import { plural } from '../../localize/plural.js';
import type { CifContactCardTerms } from '../../localize/terms/contact-card.js';

/** `<cif-contact-card>` in Dutch. */
export const contactCard = {
  cardLabel: 'Contactpersoon',
  cardEmpty: 'Geen beller',
  cardError: 'De contactpersoon kon niet worden geladen',
  cardActionFailed: 'Dat is niet gelukt. Probeer het opnieuw.',
  cardMatches: (count) =>
    plural('nl', count, {
      one: '# record komt overeen met dit nummer',
      other: '# records komen overeen met dit nummer',
    }),
  cardChoose: 'Kies de beller',
  cardOtherMatches: (count) =>
    plural('nl', count, {
      one: 'Niet deze beller? # overeenkomst',
      other: 'Niet deze beller? # overeenkomsten',
    }),
  cardChosen: (name) => `${name} gekozen`,
  cardOpen: (name) => `${name} openen in Dynamics 365`,
  cardCreate: 'Contactpersoon maken',
  cardSearch: 'Zoeken',
  cardCall: (type, number) => `${number} bellen (${type.toLocaleLowerCase('nl')})`,
  cardCopy: (type, number) => `Nummer ${number} kopiëren (${type.toLocaleLowerCase('nl')})`,
  cardCopied: (number) => `${number} gekopieerd`,
  cardCopyFailed: 'Het nummer kon niet worden gekopieerd',
  cardPhone: 'Telefoon',
  cardPhoneBusiness: 'Werk',
  cardPhoneMobile: 'Mobiel',
  cardPhoneHome: 'Privé',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Overig',
  cardEmail: 'E-mail',
  cardAddress: 'Adres',
  cardLocalTime: 'Lokale tijd',
  cardVip: 'VIP',
  cardDoNotCall: 'Niet bellen',
  cardContact: 'Contactpersoon',
  cardAccount: 'Account',
  cardLead: 'Lead',
  cardActivity: 'Recente activiteit',
  cardNoActivity: 'Geen recente activiteit',
  cardActivityFailed: 'De recente activiteit kon niet worden geladen',
  cardPhoneCall: 'Telefoongesprek',
  cardCase: 'Case',
  cardOtherActivity: 'Activiteit',
} as const satisfies CifContactCardTerms;
