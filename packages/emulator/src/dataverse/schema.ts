/** Entity metadata of the in-memory Dataverse: the tables and columns CIF widgets use. */

export type AttributeType =
  | 'Uniqueidentifier'
  | 'String'
  | 'Memo'
  | 'Integer'
  | 'Decimal'
  | 'Money'
  | 'Boolean'
  | 'DateTime'
  | 'Picklist'
  | 'State'
  | 'Status'
  | 'Lookup'
  | 'Customer'
  | 'Owner';

export interface AttributeSchema {
  logicalName: string;
  type: AttributeType;
  displayName: string;
  /** Format of a String column (drives click-to-act on record pages). */
  format?: 'Phone' | 'Email' | 'Url' | 'Text';
  maxLength?: number;
  /** Lookup targets (logical names). */
  targets?: string[];
  options?: { value: number; label: string }[];
  /** Computed by the store (fullname, ticketnumber, createdon …): writes are ignored. */
  readOnly?: boolean;
  /** Included in $search and quick find. */
  searchable?: boolean;
}

export interface EntitySchema {
  logicalName: string;
  entitySetName: string;
  displayName: string;
  displayCollectionName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  objectTypeCode: number;
  isActivity: boolean;
  attributes: Record<string, AttributeSchema>;
  /** Collection-valued navigation properties: name → child entity and its lookup to this record. */
  collections: Record<string, { entity: string; attribute: string }>;
  /** Columns shown in list views and search results. */
  listColumns: string[];
}

const a = (
  logicalName: string,
  type: AttributeType,
  displayName: string,
  extra: Partial<AttributeSchema> = {},
): AttributeSchema => ({ logicalName, type, displayName, ...extra });

const phone = (name: string, display: string) =>
  a(name, 'String', display, { format: 'Phone', maxLength: 50, searchable: true });
const text = (name: string, display: string, maxLength = 100, searchable = false) =>
  a(name, 'String', display, { format: 'Text', maxLength, searchable });

/** Address 1's parts and the read-only `address1_composite` the store computes from them. */
const address = (): AttributeSchema[] => [
  text('address1_line1', 'Address 1: Street 1', 250),
  text('address1_line2', 'Address 1: Street 2', 250),
  text('address1_city', 'Address 1: City', 80, true),
  text('address1_stateorprovince', 'Address 1: State/Province', 50),
  text('address1_postalcode', 'Address 1: ZIP/Postal Code', 20),
  text('address1_country', 'Address 1: Country/Region', 80),
  a('address1_composite', 'Memo', 'Address 1', { readOnly: true, maxLength: 1000 }),
];

const state = (labels: string[]) =>
  a('statecode', 'State', 'Status', { options: labels.map((label, value) => ({ value, label })) });

const common = (): AttributeSchema[] => [
  a('createdon', 'DateTime', 'Created On', { readOnly: true }),
  a('modifiedon', 'DateTime', 'Modified On', { readOnly: true }),
  a('ownerid', 'Owner', 'Owner', { targets: ['systemuser'] }),
];

function entity(
  def: Omit<EntitySchema, 'attributes' | 'collections'> & {
    attributes: AttributeSchema[];
    collections?: EntitySchema['collections'];
  },
): EntitySchema {
  const attributes: Record<string, AttributeSchema> = {};
  for (const attr of def.attributes) attributes[attr.logicalName] = attr;
  return { ...def, attributes, collections: def.collections ?? {} };
}

export const schemas: Record<string, EntitySchema> = {
  contact: entity({
    logicalName: 'contact',
    entitySetName: 'contacts',
    displayName: 'Contact',
    displayCollectionName: 'Contacts',
    primaryIdAttribute: 'contactid',
    primaryNameAttribute: 'fullname',
    objectTypeCode: 2,
    isActivity: false,
    listColumns: ['fullname', 'telephone1', 'mobilephone', 'emailaddress1', 'parentcustomerid'],
    attributes: [
      a('contactid', 'Uniqueidentifier', 'Contact'),
      text('firstname', 'First Name', 50, true),
      text('lastname', 'Last Name', 50, true),
      a('fullname', 'String', 'Full Name', { readOnly: true, searchable: true, maxLength: 160 }),
      text('jobtitle', 'Job Title'),
      a('emailaddress1', 'String', 'Email', { format: 'Email', maxLength: 100, searchable: true }),
      phone('telephone1', 'Business Phone'),
      phone('telephone2', 'Home Phone'),
      phone('telephone3', 'Telephone 3'),
      phone('mobilephone', 'Mobile Phone'),
      phone('fax', 'Fax'),
      ...address(),
      a('parentcustomerid', 'Customer', 'Company Name', { targets: ['account', 'contact'] }),
      a('preferredcontactmethodcode', 'Picklist', 'Preferred Method of Contact', {
        options: [
          { value: 1, label: 'Any' },
          { value: 2, label: 'Email' },
          { value: 3, label: 'Phone' },
          { value: 4, label: 'Fax' },
          { value: 5, label: 'Mail' },
        ],
      }),
      a('donotphone', 'Boolean', 'Do not allow Phone Calls'),
      a('birthdate', 'DateTime', 'Birthday'),
      a('description', 'Memo', 'Description', { maxLength: 2000 }),
      state(['Active', 'Inactive']),
      a('statuscode', 'Status', 'Status Reason', {
        options: [
          { value: 1, label: 'Active' },
          { value: 2, label: 'Inactive' },
        ],
      }),
      ...common(),
    ],
  }),
  account: entity({
    logicalName: 'account',
    entitySetName: 'accounts',
    displayName: 'Account',
    displayCollectionName: 'Accounts',
    primaryIdAttribute: 'accountid',
    primaryNameAttribute: 'name',
    objectTypeCode: 1,
    isActivity: false,
    listColumns: ['name', 'telephone1', 'address1_city', 'address1_country', 'primarycontactid'],
    attributes: [
      a('accountid', 'Uniqueidentifier', 'Account'),
      text('name', 'Account Name', 160, true),
      text('accountnumber', 'Account Number', 20, true),
      phone('telephone1', 'Main Phone'),
      phone('telephone2', 'Other Phone'),
      phone('telephone3', 'Telephone 3'),
      phone('fax', 'Fax'),
      a('emailaddress1', 'String', 'Email', { format: 'Email', maxLength: 100, searchable: true }),
      a('websiteurl', 'String', 'Website', { format: 'Url', maxLength: 200 }),
      ...address(),
      a('primarycontactid', 'Lookup', 'Primary Contact', { targets: ['contact'] }),
      a('parentaccountid', 'Lookup', 'Parent Account', { targets: ['account'] }),
      a('industrycode', 'Picklist', 'Industry', {
        options: [
          { value: 1, label: 'Accounting' },
          { value: 7, label: 'Consulting' },
          { value: 12, label: 'Financial' },
          { value: 19, label: 'Manufacturing' },
          { value: 25, label: 'Retail' },
          { value: 29, label: 'Telecommunications' },
          { value: 33, label: 'Transportation' },
        ],
      }),
      a('numberofemployees', 'Integer', 'Number of Employees'),
      a('revenue', 'Money', 'Annual Revenue'),
      a('donotphone', 'Boolean', 'Do not allow Phone Calls'),
      a('description', 'Memo', 'Description', { maxLength: 2000 }),
      state(['Active', 'Inactive']),
      a('statuscode', 'Status', 'Status Reason', {
        options: [
          { value: 1, label: 'Active' },
          { value: 2, label: 'Inactive' },
        ],
      }),
      ...common(),
    ],
  }),
  lead: entity({
    logicalName: 'lead',
    entitySetName: 'leads',
    displayName: 'Lead',
    displayCollectionName: 'Leads',
    primaryIdAttribute: 'leadid',
    primaryNameAttribute: 'fullname',
    objectTypeCode: 4,
    isActivity: false,
    listColumns: ['fullname', 'subject', 'companyname', 'telephone1', 'mobilephone'],
    attributes: [
      a('leadid', 'Uniqueidentifier', 'Lead'),
      text('subject', 'Topic', 300, true),
      text('firstname', 'First Name', 50, true),
      text('lastname', 'Last Name', 50, true),
      a('fullname', 'String', 'Name', { readOnly: true, searchable: true, maxLength: 160 }),
      text('companyname', 'Company Name', 100, true),
      text('jobtitle', 'Job Title'),
      phone('telephone1', 'Business Phone'),
      phone('telephone2', 'Home Phone'),
      phone('telephone3', 'Other Phone'),
      phone('mobilephone', 'Mobile Phone'),
      a('emailaddress1', 'String', 'Email', { format: 'Email', maxLength: 100, searchable: true }),
      text('address1_country', 'Address 1: Country/Region', 80),
      a('leadsourcecode', 'Picklist', 'Lead Source', {
        options: [
          { value: 1, label: 'Advertisement' },
          { value: 4, label: 'Other' },
          { value: 8, label: 'Web' },
          { value: 10, label: 'Phone' },
        ],
      }),
      a('description', 'Memo', 'Description', { maxLength: 2000 }),
      state(['Open', 'Qualified', 'Disqualified']),
      a('statuscode', 'Status', 'Status Reason', {
        options: [
          { value: 1, label: 'New' },
          { value: 2, label: 'Contacted' },
          { value: 3, label: 'Qualified' },
        ],
      }),
      ...common(),
    ],
  }),
  incident: entity({
    logicalName: 'incident',
    entitySetName: 'incidents',
    displayName: 'Case',
    displayCollectionName: 'Cases',
    primaryIdAttribute: 'incidentid',
    primaryNameAttribute: 'title',
    objectTypeCode: 112,
    isActivity: false,
    listColumns: ['ticketnumber', 'title', 'customerid', 'prioritycode', 'statecode'],
    attributes: [
      a('incidentid', 'Uniqueidentifier', 'Case'),
      text('title', 'Case Title', 200, true),
      a('ticketnumber', 'String', 'Case Number', {
        readOnly: true,
        searchable: true,
        maxLength: 100,
      }),
      a('customerid', 'Customer', 'Customer', { targets: ['account', 'contact'] }),
      a('primarycontactid', 'Lookup', 'Contact', { targets: ['contact'] }),
      a('prioritycode', 'Picklist', 'Priority', {
        options: [
          { value: 1, label: 'High' },
          { value: 2, label: 'Normal' },
          { value: 3, label: 'Low' },
        ],
      }),
      a('caseorigincode', 'Picklist', 'Origin', {
        options: [
          { value: 1, label: 'Phone' },
          { value: 2, label: 'Email' },
          { value: 3, label: 'Web' },
        ],
      }),
      a('description', 'Memo', 'Description', { maxLength: 2000 }),
      state(['Active', 'Resolved', 'Cancelled']),
      a('statuscode', 'Status', 'Status Reason', {
        options: [
          { value: 1, label: 'In Progress' },
          { value: 5, label: 'Problem Solved' },
          { value: 6, label: 'Cancelled' },
        ],
      }),
      ...common(),
    ],
  }),
  phonecall: entity({
    logicalName: 'phonecall',
    entitySetName: 'phonecalls',
    displayName: 'Phone Call',
    displayCollectionName: 'Phone Calls',
    primaryIdAttribute: 'activityid',
    primaryNameAttribute: 'subject',
    objectTypeCode: 4210,
    isActivity: true,
    listColumns: ['subject', 'phonenumber', 'directioncode', 'regardingobjectid', 'createdon'],
    collections: {
      phonecall_activity_parties: { entity: 'activityparty', attribute: 'activityid' },
    },
    attributes: [
      a('activityid', 'Uniqueidentifier', 'Phone Call'),
      text('subject', 'Subject', 200, true),
      phone('phonenumber', 'Phone Number'),
      a('directioncode', 'Boolean', 'Direction', {
        options: [
          { value: 0, label: 'Incoming' },
          { value: 1, label: 'Outgoing' },
        ],
      }),
      a('actualdurationminutes', 'Integer', 'Duration'),
      a('scheduledstart', 'DateTime', 'Start Date'),
      a('scheduledend', 'DateTime', 'Due'),
      a('actualstart', 'DateTime', 'Actual Start'),
      a('actualend', 'DateTime', 'Actual End'),
      a('regardingobjectid', 'Lookup', 'Regarding', {
        targets: ['contact', 'account', 'lead', 'incident'],
      }),
      a('description', 'Memo', 'Description', { maxLength: 100000 }),
      state(['Open', 'Completed', 'Canceled']),
      a('statuscode', 'Status', 'Status Reason', {
        options: [
          { value: 1, label: 'Open' },
          { value: 2, label: 'Made' },
          { value: 3, label: 'Canceled' },
          { value: 4, label: 'Received' },
        ],
      }),
      ...common(),
    ],
  }),
  activityparty: entity({
    logicalName: 'activityparty',
    entitySetName: 'activityparties',
    displayName: 'Activity Party',
    displayCollectionName: 'Activity Parties',
    primaryIdAttribute: 'activitypartyid',
    primaryNameAttribute: 'addressused',
    objectTypeCode: 135,
    isActivity: false,
    listColumns: ['partyid', 'participationtypemask', 'addressused'],
    attributes: [
      a('activitypartyid', 'Uniqueidentifier', 'Activity Party'),
      a('activityid', 'Lookup', 'Activity', { targets: ['phonecall'] }),
      a('partyid', 'Lookup', 'Party', { targets: ['contact', 'account', 'lead', 'systemuser'] }),
      a('participationtypemask', 'Picklist', 'Participation Type', {
        options: [
          { value: 1, label: 'Sender' },
          { value: 2, label: 'To Recipient' },
          { value: 3, label: 'CC Recipient' },
          { value: 8, label: 'Regarding' },
          { value: 9, label: 'Owner' },
        ],
      }),
      text('addressused', 'Address', 200),
    ],
  }),
  systemuser: entity({
    logicalName: 'systemuser',
    entitySetName: 'systemusers',
    displayName: 'User',
    displayCollectionName: 'Users',
    primaryIdAttribute: 'systemuserid',
    primaryNameAttribute: 'fullname',
    objectTypeCode: 8,
    isActivity: false,
    listColumns: ['fullname', 'title', 'internalemailaddress', 'address1_telephone1'],
    attributes: [
      a('systemuserid', 'Uniqueidentifier', 'User'),
      text('firstname', 'First Name', 64, true),
      text('lastname', 'Last Name', 64, true),
      a('fullname', 'String', 'Full Name', { readOnly: true, searchable: true, maxLength: 200 }),
      text('title', 'Title', 128),
      a('internalemailaddress', 'String', 'Primary Email', {
        format: 'Email',
        maxLength: 100,
        searchable: true,
      }),
      text('domainname', 'User Name', 1024),
      phone('address1_telephone1', 'Main Phone'),
      phone('mobilephone', 'Mobile Phone'),
      a('createdon', 'DateTime', 'Created On', { readOnly: true }),
      a('modifiedon', 'DateTime', 'Modified On', { readOnly: true }),
    ],
  }),
  msdyn_ocliveworkitem: entity({
    logicalName: 'msdyn_ocliveworkitem',
    entitySetName: 'msdyn_ocliveworkitems',
    displayName: 'Conversation',
    displayCollectionName: 'Conversations',
    primaryIdAttribute: 'activityid',
    primaryNameAttribute: 'subject',
    objectTypeCode: 10702,
    isActivity: true,
    listColumns: ['subject', 'msdyn_channel', 'msdyn_customer', 'statecode'],
    attributes: [
      a('activityid', 'Uniqueidentifier', 'Conversation'),
      text('subject', 'Subject', 200, true),
      text('msdyn_title', 'Title', 200),
      a('msdyn_channel', 'Picklist', 'Channel', {
        options: [
          { value: 192350000, label: 'Entity Records' },
          { value: 192440000, label: 'Voice' },
          { value: 192390000, label: 'Custom' },
        ],
      }),
      a('msdyn_customer', 'Customer', 'Customer', { targets: ['account', 'contact'] }),
      a('regardingobjectid', 'Lookup', 'Regarding', {
        targets: ['contact', 'account', 'incident'],
      }),
      a('msdyn_isoutbound', 'Boolean', 'Is outbound'),
      a('description', 'Memo', 'Description', { maxLength: 100000 }),
      state(['Open', 'Active', 'Waiting', 'Closed']),
      a('statuscode', 'Status', 'Status Reason'),
      ...common(),
    ],
  }),
  knowledgearticle: entity({
    logicalName: 'knowledgearticle',
    entitySetName: 'knowledgearticles',
    displayName: 'Knowledge Article',
    displayCollectionName: 'Knowledge Articles',
    primaryIdAttribute: 'knowledgearticleid',
    primaryNameAttribute: 'title',
    objectTypeCode: 9953,
    isActivity: false,
    listColumns: ['articlepublicnumber', 'title', 'keywords'],
    attributes: [
      a('knowledgearticleid', 'Uniqueidentifier', 'Knowledge Article'),
      text('title', 'Title', 500, true),
      text('articlepublicnumber', 'Article Public Number', 100, true),
      text('keywords', 'Keywords', 1000, true),
      a('content', 'Memo', 'Content', { maxLength: 1048576 }),
      a('description', 'Memo', 'Description', { maxLength: 155 }),
      ...common(),
    ],
  }),
};

/** Entity schema by logical name or entity set name. */
export function findSchema(name: string): EntitySchema | undefined {
  const key = name.toLowerCase();
  const direct = Object.prototype.hasOwnProperty.call(schemas, key) ? schemas[key] : undefined;
  return direct ?? Object.values(schemas).find((s) => s.entitySetName === key);
}

/**
 * Navigation property name of a lookup of an entity for one target, as Dataverse names it:
 * `parentcustomerid_account`, `primarycontactid`, `partyid_systemuser`, and on an activity
 * `regardingobjectid_contact_phonecall` (`<lookup>_<target>_<activity>`).
 */
export function navigationName(
  schema: EntitySchema,
  attr: AttributeSchema,
  target: string,
): string {
  if (schema.isActivity && attr.logicalName === 'regardingobjectid')
    return `${attr.logicalName}_${target}_${schema.logicalName}`;
  const targets = attr.targets ?? [];
  return targets.length > 1 ||
    attr.type === 'Customer' ||
    attr.logicalName === 'regardingobjectid' ||
    attr.logicalName === 'partyid'
    ? `${attr.logicalName}_${target}`
    : attr.logicalName;
}

/** Resolves a single-valued navigation property to its lookup attribute and target. */
export function resolveNavigation(
  schema: EntitySchema,
  name: string,
): { attribute: AttributeSchema; target: string } | undefined {
  for (const attr of Object.values(schema.attributes)) {
    for (const target of attr.targets ?? []) {
      if (navigationName(schema, attr, target) === name) return { attribute: attr, target };
    }
  }
  return undefined;
}
