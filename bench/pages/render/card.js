import '@cif-elements/contact-card/cif-contact-card.js';
import { deepQueryAll, mount } from './settle.js';

const card = document.createElement('cif-contact-card');
Object.assign(card, {
  now: new Date('2026-03-02T15:00:00Z').getTime(),
  contact: {
    entityName: 'contact',
    id: 'c0000000-0000-4000-8000-000000000007',
    name: 'Amelia Hughes',
    jobTitle: 'Account Executive',
    company: 'Contoso',
    phones: [
      { number: '+442079460958', type: 'business' },
      { number: '+447700900123', type: 'mobile' },
    ],
    emails: ['amelia.hughes@contoso.example'],
    address: '1 Canada Square\nLondon E14 5AB',
    vip: true,
  },
});
void mount(card, () => deepQueryAll('[part~="name"]').length > 0);
