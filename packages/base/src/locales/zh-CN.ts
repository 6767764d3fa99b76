import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './zh-CN/call-controls.js';
import { contactCard } from './zh-CN/contact-card.js';
import { toast } from './zh-CN/incoming-call-toast.js';

/** Chinese (Simplified). */
const translation: CifTranslation = {
  $code: 'zh-CN',
  $name: '中文（简体）',
  $dir: 'ltr',

  close: '关闭',
  dismiss: '忽略',
  loading: '正在加载',
  retry: '重试',
  cancel: '取消',
  more: '更多',
  unknownCaller: '未知来电',
  moreCount: (count) => plural('zh-CN', count, { other: '另有 # 个' }),
  notInDynamics: '未连接到 Dynamics 365',

  dialpadLabel: '拨号盘',
  dialpadNumber: '电话号码',
  dialpadTonesSent: '已发送的按键音',
  dialpadPlaceholder: '输入号码',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: '呼叫',
  dialpadCalling: '正在呼叫…',
  dialpadBackspace: '删除最后一位',
  dialpadClear: '清除号码',
  dialpadCleared: '号码已清除',
  dialpadDeleted: (characters) => `已删除 ${characters}`,
  dialpadRegion: '国家或地区',
  dialpadValid: (region) => `有效号码（${region}）`,
  dialpadInvalid: (region) => `无效号码（${region}）`,
  dialpadDoNotCall: '此号码在禁止呼叫名单中',
  dialpadDoNotCallFailed: '无法完成禁止呼叫名单检查',
  dialpadBlocked: (reason) => `未拨打：${reason}`,
  dialpadDialFailed: '无法发起呼叫',
  dialpadDtmfFailed: '无法发送按键音',
  dialpadRequired: '请输入电话号码',
  dialpadRecents: '最近号码',
  dialpadRedial: '重拨',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
