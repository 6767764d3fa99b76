/**
 * The contact card's CRM bridge, formerly the softphone's: it is now core's `createContactCardActions`
 * (`@cif-elements/core`), and these names remain for existing code.
 */
import type { ContactCardActions, ContactCardContact } from '@cif-elements/contact-card';
import {
  contactFromRecord as coreContactFromRecord,
  createContactCardActions,
  type CifClient,
  type CifRecord,
  type ContactCardActionsOptions,
} from '@cif-elements/core';

/**
 * Options of {@link createCifContactCardActions}.
 *
 * @deprecated Use `ContactCardActionsOptions` from `@cif-elements/core`.
 */
export type CifContactCardActionsOptions = ContactCardActionsOptions;

/**
 * The contact card's actions over a CIF client.
 *
 * @deprecated Use `createContactCardActions` from `@cif-elements/core`: the same function.
 */
export const createCifContactCardActions: (
  client: CifClient,
  options?: CifContactCardActionsOptions,
) => ContactCardActions = createContactCardActions;

/**
 * A Dataverse contact, account or lead row as the card's contact.
 *
 * @deprecated Use `contactFromRecord` from `@cif-elements/core`: the same function.
 */
export const contactFromRecord: (
  entityName: string,
  id: string,
  row: CifRecord,
) => ContactCardContact = coreContactFromRecord;
