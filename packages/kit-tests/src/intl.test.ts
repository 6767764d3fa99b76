import { formatDuration, formatRelativeTime } from '@cif-elements/base';
import { expect } from '@open-wc/testing';
import { NOW, SCENARIOS, renderScenario } from './test-utils/fixtures.js';
import { LOCALES } from './test-utils/locales.js';

type DurationFormatConstructor = new (
  lang: string,
  options: Record<string, string>,
) => { format(duration: Record<string, number>): string };
const intl = Intl as unknown as { DurationFormat?: DurationFormatConstructor };

const scenario = (tag: string, state: string) =>
  SCENARIOS.find((s) => s.tag === tag && s.state === state)!;

describe('formatting through Intl', () => {
  it('timers are Intl.DurationFormat’s digital clock in every locale (digits and separators included)', () => {
    const DurationFormat = intl.DurationFormat!;
    for (const lang of [...LOCALES.map((t) => t.$code), 'fi', 'ar-EG', 'fa']) {
      const digital = new DurationFormat(lang, {
        style: 'digital',
        hours: 'numeric',
        minutes: '2-digit',
        seconds: '2-digit',
        hoursDisplay: 'auto',
      });
      expect(formatDuration(lang, 65), lang).to.equal(
        digital.format({ hours: 0, minutes: 1, seconds: 5 }),
      );
      expect(formatDuration(lang, 3725), lang).to.equal(
        digital.format({ hours: 1, minutes: 2, seconds: 5 }),
      );
    }
    expect(formatDuration('fi', 65), 'Finnish separates with a dot').to.equal('01.05');
    expect(formatDuration('ar-EG', 65), 'Egyptian Arabic digits').to.equal('٠١:٠٥');
  });

  it('falls back to Intl.NumberFormat where the browser has no Intl.DurationFormat', () => {
    const saved = intl.DurationFormat;
    try {
      delete intl.DurationFormat;
      expect(formatDuration('en', 65)).to.equal('01:05');
      expect(formatDuration('de', 3725)).to.equal('1:02:05');
      expect(formatDuration('ar-EG', 5)).to.equal('٠٠:٠٥');
      expect(formatDuration('en', 125, 'long')).to.equal('2 minutes 5 seconds');
    } finally {
      intl.DurationFormat = saved;
    }
  });

  it('components show Intl’s output: the call timer, the toast’s countdown, relative times, local times', async () => {
    const controls = await renderScenario(
      scenario('cif-call-controls', 'connected, muted, recording'),
      'fi',
    );
    expect(controls.shadowRoot!.querySelector('[part~=timer] time')!.textContent).to.equal('01.05');

    const egypt = await renderScenario(scenario('cif-call-controls', 'held, compact'), 'ar-EG');
    const times = [...egypt.shadowRoot!.querySelectorAll('time')].map((t) => t.textContent);
    expect(times).to.deep.equal([formatDuration('ar-EG', 3725), formatDuration('ar-EG', 30)]);
    expect(times[0]).to.match(/^[٠-٩]:[٠-٩]{2}:[٠-٩]{2}$/);

    for (const t of LOCALES) {
      const card = await renderScenario(scenario('cif-contact-card', 'known contact'), t.$code);
      const relative = [...card.shadowRoot!.querySelectorAll('[part~=activity-item] time')].map(
        (n) => n.textContent.trim(),
      );
      expect(relative, t.$code).to.include(formatRelativeTime(t.$code, NOW - 2 * 3_600_000, NOW));
      const local = new Intl.DateTimeFormat(t.$code, {
        timeZone: 'America/Los_Angeles',
        timeStyle: 'short',
      }).format(NOW);
      expect(card.shadowRoot!.textContent, `${t.$code} local time`).to.include(
        local.split(' ')[0]!,
      );
    }
  });
});
