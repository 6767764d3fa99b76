/**
 * Shared helpers of the workflow tests: the fake CIF library, a client over it, a simulated provider, a
 * store and the phone numbers. Named `.test.ts` so it is neither built nor shipped; it has no tests.
 */
import { createCifClient, type CifClient, type CifClientOptions } from '../cif/client.js';
import { memoryStorage } from '../calls/harness.test.js';
import { SimulatedProvider } from '../calls/simulated-provider.js';
import { createCallStore, type CallStore, type CallStoreOptions } from '../calls/store.js';
import { createPhoneNumbers, type PhoneNumbers } from '../phone/numbers.js';
import { FakeCIFramework, type FakeCifOptions } from '../testing/index.js';
import { sharedEnvironment, type WorkflowContext, type WorkflowError } from './shared.js';

export const ALEX = '80ac0a5d-1111-4c2b-9e3f-000000000001';
export const DANA = '80ac0a5d-1111-4c2b-9e3f-000000000002';
export const SAM = '80ac0a5d-1111-4c2b-9e3f-000000000003';
export const CONTOSO = '9a0c1e2d-2222-4c2b-9e3f-000000000001';
export const LEAD = '7b0c1e2d-3333-4c2b-9e3f-000000000001';

/** Contacts whose numbers overlap: only Alex is +1 619 555 0129. */
export const CONTACTS: Record<string, string>[] = [
  {
    contactid: ALEX,
    fullname: 'Alex Baker',
    telephone1: '(619) 555-0129',
    mobilephone: '+1 858 555 0100',
  },
  // A substring of Alex's number, and Alex's number with a digit more: neither is Alex's number.
  {
    contactid: DANA,
    fullname: 'Dana Smith',
    telephone1: '555-0129',
    mobilephone: '+1 619 555 01290',
  },
  {
    contactid: SAM,
    fullname: 'Sam Lee',
    telephone1: '+44 20 7946 0958',
    telephone2: '+4930901820',
  },
];
export const ACCOUNTS: Record<string, string>[] = [
  { accountid: CONTOSO, name: 'Contoso', telephone1: '+44 (0)20 7946 0958' },
];
export const LEADS: Record<string, string>[] = [
  { leadid: LEAD, fullname: 'Lee Ad', mobilephone: '+1 (858) 555-0100' },
];

export const phone: PhoneNumbers = createPhoneNumbers({ defaultRegion: 'US' });

export interface WorkflowHarness {
  readonly fake: FakeCIFramework;
  readonly client: CifClient;
  readonly provider: SimulatedProvider;
  readonly store: CallStore;
  readonly storage: ReturnType<typeof memoryStorage>;
  readonly errors: WorkflowError[];
  readonly context: WorkflowContext;
}

/** A fresh fake host, client, provider and store (owning its calls), wired as a workflow context. */
export function workflowHarness(
  options: {
    fake?: FakeCifOptions;
    client?: CifClientOptions;
    store?: Partial<CallStoreOptions>;
    storage?: ReturnType<typeof memoryStorage>;
    provider?: SimulatedProvider;
    /** An existing fake host (a reloaded widget talks to the same Dynamics). */
    host?: FakeCIFramework;
  } = {},
): WorkflowHarness {
  const fake =
    options.host ??
    new FakeCIFramework({
      records: { contact: CONTACTS, account: ACCOUNTS, lead: LEADS },
      ...options.fake,
    });
  const client = createCifClient(fake.library, { onError: () => undefined, ...options.client });
  const provider = options.provider ?? new SimulatedProvider();
  const storage = options.storage ?? memoryStorage();
  const store = createCallStore({
    provider,
    storage,
    namespace: 'wf',
    ownership: false,
    normalise: (raw) => phone.toE164(raw),
    ...options.store,
  });
  const errors: WorkflowError[] = [];
  const context: WorkflowContext = {
    client,
    store,
    phone,
    storage,
    namespace: 'wf',
    onError: (error) => errors.push(error),
    environment: sharedEnvironment(client),
  };
  return { fake, client, provider, store, storage, errors, context };
}

/** Waits (in real time) until `predicate` holds. */
export async function until(predicate: () => boolean, what: string, ms = 2000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets promise chains run (works under fake timers too). */
export async function settle(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
