import { plural } from '../../localize/plural.js';
import type { CifIncomingCallToastTerms } from '../../localize/terms/incoming-call-toast.js';

/** `<cif-incoming-call-toast>` in Chinese (Simplified). */
export const toast = {
  toastLabel: '来电通知',
  toastIncoming: '来电',
  toastWaiting: '呼叫等待',
  toastMissed: '未接来电',
  toastAnswer: '接听',
  toastAnswerCall: (name) => `接听 ${name} 的来电`,
  toastDecline: '拒接',
  toastDeclineCall: (name) => `拒接 ${name} 的来电`,
  toastVoicemail: '语音信箱',
  toastVoicemailCall: (name) => `将 ${name} 的来电转到语音信箱`,
  toastHoldAnswer: '保持并接听',
  toastHoldAnswerCall: (name) => `保持并接听 ${name}`,
  toastEndAnswer: '挂断并接听',
  toastEndAnswerCall: (name) => `挂断并接听 ${name}`,
  toastDismissCall: (name) => `忽略 ${name} 的未接来电`,
  toastAnnounce: (name, company) => `${name}${company ? `（${company}）` : ''} 来电`,
  toastAnnounceWaiting: (name, company) => `呼叫等待：${name}${company ? `（${company}）` : ''}`,
  toastAnnounceMissed: (name) => `${name} 的未接来电`,
  toastMatches: (count) => plural('zh-CN', count, { other: '# 条匹配记录' }),
  toastTimeLeft: (seconds) => `剩余 ${seconds} 秒`,
  toastQueue: '队列',
  toastCampaign: '营销活动',
  toastIvr: 'IVR 选项',
  toastEnableSound: '启用铃声',
  toastAnswerFailed: '无法接听来电',
  toastDeclineFailed: '无法拒接来电',
} as const satisfies CifIncomingCallToastTerms;
