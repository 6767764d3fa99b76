/** The emulator's in-memory Dataverse, usable on its own (tests of OData-building code, fixtures). */
export {
  Dataverse,
  newGuid,
  parseGuid,
  type DataverseChange,
  type DataverseOptions,
  type LookupValue,
  type StoredRecord,
  type WebApiRecord,
} from './Dataverse.js';
export { DataverseError } from './errors.js';
export {
  MAX_PAGE_SIZE,
  parseFilter,
  parseQueryOptions,
  evaluateFilter,
  type FilterNode,
  type QueryOptions,
} from './odata.js';
export {
  findSchema,
  schemas,
  type AttributeSchema,
  type AttributeType,
  type EntitySchema,
} from './schema.js';
export {
  defaultSeed,
  accountId,
  contactId,
  incidentId,
  leadId,
  phonecallId,
  userId,
  articleId,
} from './seed.js';
