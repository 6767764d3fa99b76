import { plural } from '../localize/plural.js';
import type { CifContactCardTerms } from '../localize/terms/contact-card.js';

/** English strings of `<cif-contact-card>`: the element's own fallback (`static strings`). */
export const contactCardStrings = {
  cardLabel: 'Contact',
  cardEmpty: 'No caller',
  cardError: 'The contact could not be loaded',
  cardActionFailed: 'That did not work. Try again.',
  cardMatches: (count) =>
    plural('en', count, {
      one: '# record matches this number',
      other: '# records match this number',
    }),
  cardChoose: 'Choose the caller',
  cardOtherMatches: (count) =>
    plural('en', count, { one: 'Not this caller? # match', other: 'Not this caller? # matches' }),
  cardChosen: (name) => `${name} chosen`,
  cardOpen: (name) => `Open ${name} in Dynamics 365`,
  cardCreate: 'Create contact',
  cardSearch: 'Search',
  cardCall: (type, number) => `Call ${type.toLocaleLowerCase('en')} ${number}`,
  cardCopy: (type, number) => `Copy ${type.toLocaleLowerCase('en')} number ${number}`,
  cardCopied: (number) => `${number} copied`,
  cardCopyFailed: 'The number could not be copied',
  cardPhone: 'Phone',
  cardPhoneBusiness: 'Business',
  cardPhoneMobile: 'Mobile',
  cardPhoneHome: 'Home',
  cardPhoneFax: 'Fax',
  cardPhoneOther: 'Other',
  cardEmail: 'Email',
  cardAddress: 'Address',
  cardLocalTime: 'Local time',
  cardVip: 'VIP',
  cardDoNotCall: 'Do not call',
  cardContact: 'Contact',
  cardAccount: 'Account',
  cardLead: 'Lead',
  cardActivity: 'Recent activity',
  cardNoActivity: 'No recent activity',
  cardActivityFailed: 'Recent activity could not be loaded',
  cardPhoneCall: 'Phone call',
  cardCase: 'Case',
  cardOtherActivity: 'Activity',
} as const satisfies CifContactCardTerms;
