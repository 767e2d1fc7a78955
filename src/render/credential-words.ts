import type { CredentialType } from '../catalog/catalog-types.js';
import type { Locale } from '../core/localized.js';

/**
 * How each language names a credential of the registry and says that someone earned it: an exam is passed (and named
 * by its code alone, as attain always has), an assessment completed, a certification earned. Codes that predate
 * credential types carry no type: they are exams.
 */
export const CREDENTIAL_WORDS: {
  readonly [L in Locale]: {
    readonly named: (type: CredentialType | undefined, code: string) => string;
    /** The verb of earning it: English past participle, Chinese verb, Korean noun stem (+하여, +한). */
    readonly earned: (type: CredentialType | undefined) => string;
    /** The verb a gap asks for: pass an exam, complete an assessment, earn a certification (zh-TW, ko-KR as `earned`). */
    readonly verb: (type: CredentialType | undefined) => string;
  };
} = {
  en: {
    verb: (type) => (type === 'assessment' ? 'complete' : type === 'certification' ? 'earn' : 'pass'),
    named: (type, code) =>
      type === 'assessment' ? `assessment ${code}` : type === 'certification' ? `certification ${code}` : code,
    earned: (type) => (type === 'assessment' ? 'completed' : type === 'certification' ? 'earned' : 'passed'),
  },
  'zh-TW': {
    verb: (type) => (type === 'assessment' ? '完成' : type === 'certification' ? '取得' : '通過'),
    named: (type, code) => (type === 'assessment' ? `評定 ${code}` : type === 'certification' ? `認證 ${code}` : code),
    earned: (type) => (type === 'assessment' ? '完成' : type === 'certification' ? '取得' : '通過'),
  },
  'ko-KR': {
    verb: (type) => (type === 'assessment' ? '완료' : type === 'certification' ? '취득' : '통과'),
    named: (type, code) => (type === 'assessment' ? `기술 평가 ${code}` : type === 'certification' ? `인증 ${code}` : code),
    earned: (type) => (type === 'assessment' ? '완료' : type === 'certification' ? '취득' : '통과'),
  },
};
