/* global performance */
// Core overhead page, framed in the emulator's channel panel: times the same CIF calls made on the raw
// `Microsoft.CIFramework` library and through core's CifClient, interleaved pair by pair.
import { createCifClient, loadCifLibrary } from '@cif-elements/core';

const ready = loadCifLibrary({ timeout: 30_000 });

/**
 * Times `count` pairs of `raw()` and `viaClient()` (alternating which goes first), after `warmUp` pairs.
 * @returns {Promise<{ raw: number[]; client: number[] }>} durations in ms
 */
async function pairs(raw, viaClient, count, warmUp = 10) {
  const out = { raw: [], client: [] };
  for (let i = 0; i < count + warmUp; i++) {
    const order = i % 2 === 0 ? ['raw', 'client'] : ['client', 'raw'];
    for (const which of order) {
      const t0 = performance.now();
      await (which === 'raw' ? raw() : viaClient());
      const ms = performance.now() - t0;
      if (i >= warmUp) out[which].push(ms);
    }
  }
  return out;
}

/**
 * The client's own cost per call, resolved above the timer's resolution: the emulator's answers are
 * recorded once, then replayed by an in-page library that resolves at once; `count` calls on it are
 * timed in one batch, directly and through a CifClient over it.
 */
async function replayed(library, version, calls, count) {
  const replay = {};
  for (const [api, args] of Object.entries(calls)) {
    const answer = await library[api](...args);
    replay[api] = () => Promise.resolve(answer);
  }
  const client = createCifClient(replay, { version });
  const out = {};
  for (const [api, args] of Object.entries(calls)) {
    const viaClient = clientCalls[api];
    const batch = async (run) => {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) await run();
      return (performance.now() - t0) / count;
    };
    // Warm up (JIT), then alternate three batches each.
    await batch(() => replay[api](...args));
    await batch(() => viaClient(client));
    const raw = [];
    const wrapped = [];
    for (let round = 0; round < 3; round++) {
      raw.push(await batch(() => replay[api](...args)));
      wrapped.push(await batch(() => viaClient(client)));
    }
    out[api] = { rawMs: Math.min(...raw), clientMs: Math.min(...wrapped) };
  }
  return out;
}

const QUERY = "?$select=fullname,telephone1&$filter=startswith(fullname,'A')&$top=5";
let form = { entityName: 'contact', entityId: '' };
const clientCalls = {
  setClickToAct: (client) => client.setClickToAct(true),
  getEnvironment: (client) => client.getEnvironment(),
  searchAndOpenRecords: (client) => client.searchAndOpenRecords('contact', QUERY, true),
  retrieveRecord: (client) =>
    client.retrieveRecord('contact', form.entityId, '?$select=fullname,telephone1'),
  openForm: (client) => client.openForm(form),
};

window.bench = {
  async ready() {
    const result = await ready;
    return result.status === 'ready' ? `ready (CIF ${result.version})` : result.status;
  },
  /** @param {number} count */
  async run(count) {
    const result = await ready;
    if (result.status !== 'ready') throw new Error(`CIF did not load: ${result.status}`);
    const { client, library } = result;
    const query = "?$select=fullname,telephone1&$filter=startswith(fullname,'A')&$top=5";
    const found = await client.searchAndOpenRecords('contact', query, true);
    const contactId = String(found[0]?.contactid ?? '');
    if (!contactId) throw new Error('the emulator has no contact starting with A');
    form = { entityName: 'contact', entityId: contactId };
    const replay = await replayed(
      library,
      result.version,
      {
        setClickToAct: [true],
        getEnvironment: [],
        searchAndOpenRecords: ['contact', query, true],
        retrieveRecord: ['contact', contactId, '?$select=fullname,telephone1'],
        openForm: [JSON.stringify(form)],
      },
      2000,
    );
    return {
      replay,
      setClickToAct: await pairs(
        () => library.setClickToAct(true),
        () => client.setClickToAct(true),
        count,
      ),
      getEnvironment: await pairs(
        () => library.getEnvironment(),
        () => client.getEnvironment(),
        count,
      ),
      searchAndOpenRecords: await pairs(
        () => library.searchAndOpenRecords('contact', query, true),
        () => client.searchAndOpenRecords('contact', query, true),
        count,
      ),
      retrieveRecord: await pairs(
        () => library.retrieveRecord('contact', contactId, '?$select=fullname,telephone1'),
        () => client.retrieveRecord('contact', contactId, '?$select=fullname,telephone1'),
        count,
      ),
      openForm: await pairs(
        () => library.openForm(JSON.stringify(form)),
        () => client.openForm(form),
        Math.max(10, Math.round(count / 5)),
        3,
      ),
    };
  },
};
