import { plural } from '../localize/plural.js';
import { registerTranslation } from '../localize/registry.js';
import type { CifTranslation } from '../localize/translation.js';
import { callControls } from './ja/call-controls.js';
import { contactCard } from './ja/contact-card.js';
import { toast } from './ja/incoming-call-toast.js';

/** Japanese. */
const translation: CifTranslation = {
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',

  close: '閉じる',
  dismiss: '消去',
  loading: '読み込み中',
  retry: '再試行',
  cancel: 'キャンセル',
  more: 'その他',
  unknownCaller: '不明な発信者',
  moreCount: (count) => plural('ja', count, { other: '他 # 件' }),
  notInDynamics: 'Dynamics 365 に接続されていません',

  dialpadLabel: 'ダイヤルパッド',
  dialpadNumber: '電話番号',
  dialpadTonesSent: '送信したトーン',
  dialpadPlaceholder: '番号を入力',
  dialpadKey: (key, letters) => (letters ? `${key} ${letters}` : key),
  dialpadCall: '発信',
  dialpadCalling: '発信中…',
  dialpadBackspace: '最後の数字を削除',
  dialpadClear: '番号をクリア',
  dialpadCleared: '番号をクリアしました',
  dialpadDeleted: (characters) => `${characters} を削除しました`,
  dialpadRegion: '国または地域',
  dialpadValid: (region) => `有効な番号です (${region})`,
  dialpadInvalid: (region) => `無効な番号です (${region})`,
  dialpadDoNotCall: 'この番号は発信禁止リストに登録されています',
  dialpadDoNotCallFailed: '発信禁止リストを確認できませんでした',
  dialpadBlocked: (reason) => `発信しませんでした: ${reason}`,
  dialpadDialFailed: '発信できませんでした',
  dialpadDtmfFailed: 'トーンを送信できませんでした',
  dialpadRequired: '電話番号を入力してください',
  dialpadRecents: '最近の番号',
  dialpadRedial: '再発信',
  ...toast,
  ...callControls,
  ...contactCard,
};

registerTranslation(translation);
export default translation;
