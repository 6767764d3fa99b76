import { aTimeout, expect } from '@open-wc/testing';
import { announce, announcements } from './announce.js';

describe('announce', () => {
  it('says a message once through one shared polite region', async () => {
    expect(announce('Call on hold')).to.equal(true);
    expect(announce('Call on hold'), 'a second component saying the same is dropped').to.equal(
      false,
    );
    await aTimeout(80);
    expect(announcements().polite).to.equal('Call on hold');
    expect(document.querySelectorAll('[data-cif-announcer]').length).to.equal(2);
    const polite = document.querySelector('[data-cif-announcer="polite"]')!;
    expect(polite.getAttribute('role')).to.equal('status');
    expect(polite.getAttribute('aria-live')).to.equal('polite');
  });

  it('uses the assertive region for urgent messages, as text only', async () => {
    announce('<img src=x onerror="window.__pwned=1">Incoming call', { politeness: 'assertive' });
    await aTimeout(80);
    const assertive = document.querySelector('[data-cif-announcer="assertive"]')!;
    expect(assertive.getAttribute('role')).to.equal('alert');
    expect(assertive.querySelector('img')).to.equal(null);
    expect(announcements().assertive).to.contain('Incoming call');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('repeats a message after the dedupe window and ignores empty ones', async () => {
    expect(announce('Muted', { dedupeMs: 10 })).to.equal(true);
    await aTimeout(20);
    expect(announce('Muted', { dedupeMs: 10 })).to.equal(true);
    expect(announce('   ')).to.equal(false);
  });

  it('recreates its regions if the page removed them', async () => {
    document.querySelectorAll('[data-cif-announcer]').forEach((el) => el.remove());
    announce('Back again');
    await aTimeout(80);
    expect(announcements().polite).to.equal('Back again');
  });
});
