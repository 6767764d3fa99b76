/**
 * The softphone's own strings. The components it composes bring theirs (through base's translation
 * table); these are only the composition's: its title, the connection status and banners, and the list
 * of calls on hold. English is built in; German and Arabic follow the kit's opt-in locales. They live
 * here until base's typed table has a softphone section (`CifSoftphoneTerms`).
 */

/** The softphone's terms. */
export interface SoftphoneStrings {
  readonly title: string;
  readonly statusStarting: string;
  readonly statusConnected: (version: number) => string;
  readonly statusStandalone: string;
  readonly statusError: string;
  readonly standaloneDetail: string;
  readonly noCrmUrlDetail: string;
  readonly untrustedDetail: (origin: string) => string;
  readonly simulateCall: string;
  readonly retry: string;
  readonly readOnly: string;
  readonly currentCall: string;
  readonly heldCalls: string;
  readonly onHold: string;
  readonly resume: string;
  readonly resumeCall: (name: string) => string;
  readonly endCall: (name: string) => string;
  readonly activitiesFailed: (count: number) => string;
  readonly activitiesPending: (count: number) => string;
}

const en: SoftphoneStrings = {
  title: 'Phone',
  statusStarting: 'Connecting to Dynamics 365…',
  statusConnected: (version) => `Dynamics 365 · CIF ${version}.0`,
  statusStandalone: 'Standalone',
  statusError: 'Not connected to Dynamics 365',
  standaloneDetail:
    'Not running inside Dynamics 365: calls are simulated here and nothing is saved to Dynamics.',
  noCrmUrlDetail:
    'No CRM URL: load msdyn_ciLibrary.js with data-crmurl, or open the widget with ?ucilib=.',
  untrustedDetail: (origin) =>
    `Dynamics 365 refused this widget's messages: add ${origin} to the channel provider's trusted domain.`,
  simulateCall: 'Simulate an incoming call',
  retry: 'Retry',
  readOnly: 'These calls are handled in another window.',
  currentCall: 'Current call',
  heldCalls: 'Calls on hold',
  onHold: 'On hold',
  resume: 'Resume',
  resumeCall: (name) => `Resume call with ${name}`,
  endCall: (name) => `End call with ${name}`,
  activitiesFailed: (count) =>
    count === 1
      ? 'A phone call activity could not be saved.'
      : `${count} phone call activities could not be saved.`,
  activitiesPending: (count) =>
    count === 1 ? 'Saving a phone call activity…' : `Saving ${count} phone call activities…`,
};

const de: SoftphoneStrings = {
  title: 'Telefon',
  statusStarting: 'Verbindung mit Dynamics 365…',
  statusConnected: (version) => `Dynamics 365 · CIF ${version}.0`,
  statusStandalone: 'Eigenständig',
  statusError: 'Nicht mit Dynamics 365 verbunden',
  standaloneDetail:
    'Läuft nicht in Dynamics 365: Anrufe werden hier simuliert, nichts wird in Dynamics gespeichert.',
  noCrmUrlDetail:
    'Keine CRM-URL: msdyn_ciLibrary.js mit data-crmurl laden oder das Widget mit ?ucilib= öffnen.',
  untrustedDetail: (origin) =>
    `Dynamics 365 hat die Nachrichten des Widgets abgelehnt: ${origin} als vertrauenswürdige Domäne des Kanalanbieters eintragen.`,
  simulateCall: 'Eingehenden Anruf simulieren',
  retry: 'Erneut versuchen',
  readOnly: 'Diese Anrufe werden in einem anderen Fenster bearbeitet.',
  currentCall: 'Aktueller Anruf',
  heldCalls: 'Gehaltene Anrufe',
  onHold: 'Gehalten',
  resume: 'Fortsetzen',
  resumeCall: (name) => `Anruf mit ${name} fortsetzen`,
  endCall: (name) => `Anruf mit ${name} beenden`,
  activitiesFailed: (count) =>
    count === 1
      ? 'Eine Telefonanruf-Aktivität konnte nicht gespeichert werden.'
      : `${count} Telefonanruf-Aktivitäten konnten nicht gespeichert werden.`,
  activitiesPending: (count) =>
    count === 1
      ? 'Telefonanruf-Aktivität wird gespeichert…'
      : `${count} Telefonanruf-Aktivitäten werden gespeichert…`,
};

const ar: SoftphoneStrings = {
  title: 'الهاتف',
  statusStarting: 'جارٍ الاتصال بـ Dynamics 365…',
  statusConnected: (version) => `Dynamics 365 · CIF ${version}.0`,
  statusStandalone: 'مستقل',
  statusError: 'غير متصل بـ Dynamics 365',
  standaloneDetail: 'لا يعمل داخل Dynamics 365: المكالمات محاكاة هنا ولا يُحفظ شيء في Dynamics.',
  noCrmUrlDetail:
    'لا يوجد عنوان CRM: حمّل msdyn_ciLibrary.js مع data-crmurl أو افتح الأداة مع ?ucilib=.',
  untrustedDetail: (origin) =>
    `رفض Dynamics 365 رسائل هذه الأداة: أضف ${origin} إلى النطاق الموثوق لموفر القناة.`,
  simulateCall: 'محاكاة مكالمة واردة',
  retry: 'إعادة المحاولة',
  readOnly: 'تُدار هذه المكالمات في نافذة أخرى.',
  currentCall: 'المكالمة الحالية',
  heldCalls: 'المكالمات المعلقة',
  onHold: 'معلقة',
  resume: 'استئناف',
  resumeCall: (name) => `استئناف المكالمة مع ${name}`,
  endCall: (name) => `إنهاء المكالمة مع ${name}`,
  activitiesFailed: (count) =>
    count === 1 ? 'تعذر حفظ نشاط مكالمة هاتفية.' : `تعذر حفظ ${count} من أنشطة المكالمات الهاتفية.`,
  activitiesPending: (count) =>
    count === 1 ? 'جارٍ حفظ نشاط مكالمة هاتفية…' : `جارٍ حفظ ${count} من أنشطة المكالمات الهاتفية…`,
};

const TABLE: Readonly<Record<string, SoftphoneStrings>> = { en, de, ar };

/** The softphone's strings for a BCP 47 tag (its language, else English). */
export function softphoneStrings(lang: string): SoftphoneStrings {
  const language = lang.trim().toLowerCase().split(/[-_]/)[0] ?? 'en';
  return TABLE[language] ?? en;
}
