// The activity soak in `pnpm test`: 100 calls (CIF_SOAK_CALLS to change; `pnpm bench:soak` runs 1,000)
// through core's call store and CIF workflows in a cross-origin widget of the emulated host, with random
// faults (latency, failing, timing-out and late Dataverse writes, failing verification, environment and
// search failures) and random reloads of the widget at every stage of a call. Every call must end with
// exactly one phonecall activity in the emulator's Dataverse: 0 missing, 0 duplicated, no call lost.
import { expect } from '@open-wc/testing';
import { testSettings } from '../test-utils/fuzz.js';
import { describeSoak, runSoak } from '../test-utils/soak.js';

describe('activity soak: calls with random faults and reloads', function () {
  it('writes every phonecall activity exactly once', async function () {
    const { soakCalls, fuzzSeed } = await testSettings();
    const calls = soakCalls ?? 100;
    this.timeout(Math.max(120_000, calls * 1_500));
    const report = await runSoak({
      calls,
      seed: fuzzSeed,
      onProgress: (done, total) => console.log(`[soak] ${done}/${total} calls`),
    });
    console.log(describeSoak(report));
    expect(report.faultsInjected, 'faults were injected').to.be.greaterThan(calls / 4);
    expect(report.reloadsTotal, 'the widget was reloaded').to.be.greaterThan(0);
    expect(report.lost, 'calls lost').to.deep.equal([]);
    expect(report.missing, 'calls without an activity').to.deep.equal([]);
    expect(report.duplicated, 'calls with two activities').to.deep.equal([]);
    expect(report.activities).to.equal(calls);
  });
});
