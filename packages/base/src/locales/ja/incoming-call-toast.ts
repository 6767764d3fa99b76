import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Japanese. */
export const toast = {
  toastLabel: '着信通知',
  toastIncoming: '着信',
  toastWaiting: '割込着信',
  toastMissed: '不在着信',
  toastAnswer: '応答',
  toastAnswerCall: (name) => `${name} からの着信に応答`,
  toastDecline: '拒否',
  toastDeclineCall: (name) => `${name} からの着信を拒否`,
  toastVoicemail: 'ボイスメール',
  toastVoicemailCall: (name) => `${name} からの着信をボイスメールに転送`,
  toastHoldAnswer: '保留して応答',
  toastHoldAnswerCall: (name) => `保留して応答: ${name}`,
  toastEndAnswer: '切断して応答',
  toastEndAnswerCall: (name) => `切断して応答: ${name}`,
  toastDismissCall: (name) => `${name} からの不在着信を消去`,
  toastAnnounce: (name, company) => `${name}${company ? `（${company}）` : ''} から着信`,
  toastAnnounceWaiting: (name, company) => `割込着信: ${name}${company ? `（${company}）` : ''}`,
  toastAnnounceMissed: (name) => `${name} からの不在着信`,
  toastMatches: (count) => plural('ja', count, { other: '一致するレコード # 件' }),
  toastTimeLeft: (seconds) => `残り ${seconds} 秒`,
  toastQueue: 'キュー',
  toastCampaign: 'キャンペーン',
  toastIvr: 'IVR での選択',
  toastEnableSound: '着信音を有効にする',
  toastAnswerFailed: '着信に応答できませんでした',
  toastDeclineFailed: '着信を拒否できませんでした',
} as const satisfies CifIncomingCallToastTerms;
