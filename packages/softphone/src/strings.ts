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
  /** What went wrong in Dynamics 365, per workflow, and why (by CIF error code). */
  readonly problem: (workflow: string, code: string) => string;
  readonly dismiss: string;
  /** Why the CIF library could not be loaded (by the loader's status), and what to do. */
  readonly loadProblem: (status: string) => string | undefined;
}

/** Joins what failed and why. */
function sentence(
  what: Readonly<Record<string, string>>,
  why: Readonly<Record<string, string>>,
): (workflow: string, code: string) => string {
  return (workflow, code) => [what[workflow] ?? what.other, why[code]].filter(Boolean).join(' ');
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
  problem: sentence(
    {
      'caller-match': 'The caller could not be looked up in Dynamics 365.',
      alerting: 'Dynamics 365 could not show the incoming-call notification: answer here.',
      session: 'Dynamics 365 could not open a session for the call.',
      'screen-pop': 'Dynamics 365 could not open the caller’s record.',
      presence: 'Your presence in Dynamics 365 could not be changed.',
      'click-to-act': 'The number you clicked could not be dialled.',
      analytics: 'Call statistics could not be sent to Dynamics 365.',
      locale: 'Your Dynamics 365 language could not be read.',
      other: 'Something went wrong in Dynamics 365.',
    },
    {
      timeout: 'Dynamics 365 did not answer in time.',
      'permission-denied': 'You do not have the permission.',
      'session-limit': 'Too many sessions are open.',
      'template-not-found': 'A template is missing in Dynamics 365.',
      'sender-not-trusted': 'Dynamics 365 does not trust this widget.',
    },
  ),
  dismiss: 'Dismiss',
  loadProblem: (status) =>
    ({
      'library-missing':
        'Dynamics 365 did not let the widget in: sign in to Dynamics 365 in this browser and allow its cookies, then retry.',
      'script-failed': 'Dynamics 365 could not be reached. Check the connection, then retry.',
      'init-timeout': 'Dynamics 365 did not answer in time. Retry in a moment.',
      'invalid-url': 'The Dynamics 365 address of this widget is not valid.',
    })[status],
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
  problem: sentence(
    {
      'caller-match': 'Der Anrufer konnte in Dynamics 365 nicht gesucht werden.',
      alerting: 'Dynamics 365 konnte die Anrufbenachrichtigung nicht anzeigen: hier annehmen.',
      session: 'Dynamics 365 konnte keine Sitzung für den Anruf öffnen.',
      'screen-pop': 'Dynamics 365 konnte den Datensatz des Anrufers nicht öffnen.',
      presence: 'Ihre Anwesenheit in Dynamics 365 konnte nicht geändert werden.',
      'click-to-act': 'Die angeklickte Nummer konnte nicht gewählt werden.',
      analytics: 'Anrufstatistiken konnten nicht an Dynamics 365 gesendet werden.',
      locale: 'Ihre Sprache in Dynamics 365 konnte nicht gelesen werden.',
      other: 'In Dynamics 365 ist ein Fehler aufgetreten.',
    },
    {
      timeout: 'Dynamics 365 hat nicht rechtzeitig geantwortet.',
      'permission-denied': 'Ihnen fehlt die Berechtigung.',
      'session-limit': 'Es sind zu viele Sitzungen geöffnet.',
      'template-not-found': 'In Dynamics 365 fehlt eine Vorlage.',
      'sender-not-trusted': 'Dynamics 365 vertraut diesem Widget nicht.',
    },
  ),
  dismiss: 'Schließen',
  loadProblem: (status) =>
    ({
      'library-missing':
        'Dynamics 365 hat das Widget nicht zugelassen: in diesem Browser bei Dynamics 365 anmelden und Cookies erlauben, dann erneut versuchen.',
      'script-failed':
        'Dynamics 365 ist nicht erreichbar. Verbindung prüfen, dann erneut versuchen.',
      'init-timeout': 'Dynamics 365 hat nicht rechtzeitig geantwortet. Gleich erneut versuchen.',
      'invalid-url': 'Die Dynamics 365-Adresse dieses Widgets ist ungültig.',
    })[status],
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
  problem: sentence(
    {
      'caller-match': 'تعذر البحث عن المتصل في Dynamics 365.',
      alerting: 'تعذر على Dynamics 365 عرض إشعار المكالمة: أجب من هنا.',
      session: 'تعذر على Dynamics 365 فتح جلسة للمكالمة.',
      'screen-pop': 'تعذر على Dynamics 365 فتح سجل المتصل.',
      presence: 'تعذر تغيير حالة تواجدك في Dynamics 365.',
      'click-to-act': 'تعذر الاتصال بالرقم الذي نقرت عليه.',
      analytics: 'تعذر إرسال إحصاءات المكالمات إلى Dynamics 365.',
      locale: 'تعذرت قراءة لغتك في Dynamics 365.',
      other: 'حدث خطأ في Dynamics 365.',
    },
    {
      timeout: 'لم يستجب Dynamics 365 في الوقت المحدد.',
      'permission-denied': 'ليست لديك الصلاحية.',
      'session-limit': 'هناك جلسات مفتوحة كثيرة جدًا.',
      'template-not-found': 'هناك قالب مفقود في Dynamics 365.',
      'sender-not-trusted': 'لا يثق Dynamics 365 بهذه الأداة.',
    },
  ),
  dismiss: 'إغلاق',
  loadProblem: (status) =>
    ({
      'library-missing':
        'لم يسمح Dynamics 365 بالأداة: سجّل الدخول إلى Dynamics 365 في هذا المتصفح واسمح بملفات تعريف الارتباط، ثم أعد المحاولة.',
      'script-failed': 'تعذر الوصول إلى Dynamics 365. تحقق من الاتصال، ثم أعد المحاولة.',
      'init-timeout': 'لم يستجب Dynamics 365 في الوقت المحدد. أعد المحاولة بعد قليل.',
      'invalid-url': 'عنوان Dynamics 365 لهذه الأداة غير صالح.',
    })[status],
};

const TABLE: Readonly<Record<string, SoftphoneStrings>> = { en, de, ar };

/** The softphone's strings for a BCP 47 tag (its language, else English). */
export function softphoneStrings(lang: string): SoftphoneStrings {
  const language = lang.trim().toLowerCase().split(/[-_]/)[0] ?? 'en';
  return TABLE[language] ?? en;
}
