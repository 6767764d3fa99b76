import type {
  NotificationTemplate,
  Presence,
  ResolvedConfig,
  SessionTemplate,
  TabTemplate,
} from './types.js';

/** Notification templates every emulated org has. */
export const defaultNotificationTemplates: NotificationTemplate[] = [
  {
    name: 'IncomingCall',
    title: 'Incoming call from {customerName}',
    icon: 'phone',
    timeout: 60,
    showTimeout: true,
    acceptButtonText: 'Accept',
    rejectButtonText: 'Decline',
    showRejectButton: true,
    autoAccept: false,
    desktopNotification: 'background',
    theme: 'default',
    fields: [
      { header: 'Phone number', value: '{phoneNumber}' },
      { header: 'Account', value: '{accountName}' },
      { header: 'Queue', value: '{queueName}' },
    ],
  },
  {
    name: 'IncomingCallAutoAccept',
    title: 'Call from {customerName}',
    icon: 'phone',
    timeout: 10,
    showTimeout: true,
    acceptButtonText: 'Accept',
    rejectButtonText: 'Decline',
    showRejectButton: false,
    autoAccept: true,
    desktopNotification: 'never',
    theme: 'default',
    fields: [{ header: 'Phone number', value: '{phoneNumber}' }],
  },
  {
    name: 'MissedCall',
    title: 'Missed call from {customerName}',
    icon: 'warning',
    timeout: 20,
    showTimeout: false,
    acceptButtonText: 'Call back',
    rejectButtonText: 'Dismiss',
    showRejectButton: true,
    autoAccept: false,
    desktopNotification: 'never',
    theme: 'warning',
    fields: [{ header: 'Phone number', value: '{phoneNumber}' }],
  },
];

/** Session templates every emulated org has. */
export const defaultSessionTemplates: SessionTemplate[] = [
  {
    name: 'CallSession',
    title: 'Call: {customerName}',
    type: 'generic',
    anchorTab: 'EntityRecord',
    panelState: 'docked',
  },
  {
    name: 'UnknownCallerSession',
    title: 'Call from {phoneNumber}',
    type: 'generic',
    anchorTab: 'Search',
    panelState: 'docked',
  },
  { name: 'GenericSession', title: '{customerName}', type: 'generic', anchorTab: 'Dashboard' },
  {
    name: 'ContactEntitySession',
    title: '{anchor.fullname}',
    type: 'entity',
    anchorTab: 'EntityRecord',
  },
];

/** Application tab templates every emulated org has. */
export const defaultTabTemplates: TabTemplate[] = [
  {
    name: 'EntityRecord',
    type: 'entityrecord',
    parameters: { entityName: '{entityName}', entityId: '{entityId}' },
    tags: ['record'],
  },
  {
    name: 'EntityList',
    type: 'entitylist',
    parameters: { entityName: '{entityName}' },
    tags: ['list'],
  },
  {
    name: 'Search',
    type: 'search',
    title: 'Search: {searchText}',
    parameters: { searchText: '{searchText}', searchType: '1' },
    tags: ['search'],
  },
  {
    name: 'WebResource',
    type: 'webresource',
    title: '{webresourceName}',
    parameters: { webresourceName: '{webresourceName}', data: '{data}' },
  },
  { name: 'Url', type: 'url', title: '{title}', parameters: { url: '{url}' } },
  { name: 'Dashboard', type: 'dashboard', title: 'Dashboard', canClose: false },
];

/** The presences of a default Omnichannel org, plus `On call` for telephony. */
export const defaultPresences: Presence[] = [
  {
    id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b701',
    text: 'Available',
    color: '#00A300',
    baseStatus: 1,
  },
  { id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b702', text: 'Busy', color: '#C4314B', baseStatus: 2 },
  {
    id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b703',
    text: 'Busy - DND',
    color: '#C4314B',
    baseStatus: 3,
  },
  { id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b704', text: 'Away', color: '#F8D22A', baseStatus: 4 },
  { id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b705', text: 'Offline', color: '#8A8886', baseStatus: 5 },
  { id: '0fe7e1c9-7f57-4a4c-b6c4-8ce8d4e7b706', text: 'On call', color: '#C4314B', baseStatus: 2 },
];

/** The embedded configuration: an org, a signed-in agent and a provider with no widget yet. */
export const defaultConfig: ResolvedConfig = {
  provider: {
    id: '6b6d3c4e-2f1a-4c1e-9d1a-1f5c0e7a9b01',
    label: 'Phone (emulated)',
    landingUrl: '',
    apiVersion: 2,
    clickToAct: true,
    trustedDomains: [],
    customParams: null,
    sortOrder: 1,
    enableAnalytics: false,
    enableOutbound: true,
  },
  org: {
    uniqueName: 'contoso-emulated',
    id: '8f2a6c1d-3b4e-4f5a-9c6d-7e8f9a0b1c2d',
    lcid: 1033,
    crmVersion: '9.2.25044.00180',
    appId: 'd8bd0a6d-4bb5-ee11-a569-000d3a5a4c0a',
    appName: 'Customer Service workspace',
  },
  user: {
    id: 'a8177e6e-5b3c-4d2a-9f1e-0c2b3a4d5e6f',
    name: 'Avery Agent',
    lcid: 1033,
    email: 'avery.agent@contoso.example',
  },
  templates: {
    notification: defaultNotificationTemplates,
    session: defaultSessionTemplates,
    tab: defaultTabTemplates,
  },
  presences: defaultPresences,
  presence: 'Available',
  panel: { mode: 1, width: 340 },
  seed: { includeDefault: true, records: {} },
  persistence: 'none',
  faults: { latencyMs: 0, rules: [] },
  apiTimeoutMs: 10_000,
  quirks: {
    notifyEventValueWrapper: false,
    displayTimeoutAction: 'Timeout',
    getModeAsString: false,
    sessionFocusSpelling: 'focused',
  },
  webResources: {},
};
