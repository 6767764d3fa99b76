import type { ContactCardContact } from '@cif-elements/contact-card';
import type { ToastCall } from '@cif-elements/incoming-call-toast';

/** The caller, as a CRM lookup would return them. */
export const contact: ContactCardContact = {
  entityName: 'contact',
  id: '80ac35a0-01af-ea11-a812-000d3a8b3ec6',
  name: 'Jane Doe',
  jobTitle: 'Purchasing manager',
  company: 'Contoso',
  phones: [
    { number: '+12065550100', type: 'mobile' },
    { number: '+14255550199', type: 'business' },
  ],
  emails: ['jane.doe@contoso.com'],
};

/** The call ringing when the page opens. */
export const incomingCall: ToastCall = {
  id: 'call-1',
  number: '+12065550100',
  name: 'Jane Doe',
  company: 'Contoso',
  queue: 'Billing',
};
