import type { KindMessages } from '../kind-messages.js';

/** The parameters of alternative paths' findings. */
export interface AnyOfMessageParams {
  'paths.none-met': { requirement: string; paths: readonly string[] };
}

/** What alternative paths' findings say, in every language. */
export const anyOfMessages: KindMessages<keyof AnyOfMessageParams> = {
  en: {
    'paths.none-met': (p) => `${p.name}: meet every requirement of one of: ${p.pathNames}.`,
  },
  'zh-TW': {
    'paths.none-met': (p) => `${p.name}：須符合下列其中一個途徑的所有要求條件：${p.pathNames}。`,
  },
  'ko-KR': {
    'paths.none-met': (p) => `${p.name}: 다음 경로 중 하나의 요구 사항을 모두 충족해야 합니다: ${p.pathNames}.`,
  },
};
