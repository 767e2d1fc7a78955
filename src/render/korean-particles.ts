/**
 * Korean particles that change with the sound before them: 이/가, 을/를, 은/는, 과/와, 으로/로, 이나/나, 이라/라.
 * The first form follows a final consonant (받침), the second a vowel; 으로/로 also takes 로 after ㄹ (서울로).
 * Words come in at run time (catalog names, exam codes, people's names, amounts), so the ending is read as a
 * Korean reader would say it: Hangul by its final jamo, digits in Sino-Korean (1 일, 2 이, 10 십, 100 백 …),
 * acronyms by their letter names (CRM 씨알엠), other Latin words by a rough English ending.
 */
export type ParticlePair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이나/나' | '이라/라';

/** How a word ends when read aloud: a vowel, the final consonant ㄹ, or another final consonant. */
export type KoreanEnding = 'vowel' | 'rieul' | 'consonant';

/** The word followed by the form of the particle its ending takes: `withParticle('골드', '이/가')` is `골드가`. */
export function withParticle(word: string, pair: ParticlePair): string {
  return `${word}${particle(word, pair)}`;
}

/** Just the particle for a word: `particle('MB2-716', '을/를')` is `을` (육). */
export function particle(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const ending = koreanEnding(word);
  if (pair === '으로/로') return ending === 'consonant' ? afterConsonant : afterVowel;
  return ending === 'vowel' ? afterVowel : afterConsonant;
}

// The sound of the last digit in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT: readonly KoreanEnding[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];
// A number ending in zeros is read by its place: 십 백 천, then 만 억 조 경 every four places.
const TENS_PLACE: readonly KoreanEnding[] = ['consonant', 'consonant', 'consonant']; // 십 백 천
const MYRIAD_PLACE: readonly KoreanEnding[] = ['consonant', 'consonant', 'vowel', 'consonant']; // 만 억 조 경
// Letter names as Korean says them: 엘 엠 엔 알 end in a consonant, the rest (에이, 비, 씨 …) in a vowel.
const LETTER_ENDINGS: Readonly<Record<string, KoreanEnding>> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' };

/**
 * How a word ends when read aloud. Closing quotes, brackets and punctuation are skipped, and so is a closing
 * parenthetical (`MB2-716(시험)` is read as MB2-716). A word whose sound cannot be told (Han characters,
 * symbols) counts as ending in a consonant: 이 and 을 after a vowel read as a slip, 가 and 를 after a consonant
 * as an error.
 */
export function koreanEnding(word: string): KoreanEnding {
  const text = spoken(word);
  const last = text.at(-1);
  if (last === undefined) return 'consonant';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  // A lone consonant jamo (ㄱ … ㅎ) is read by its name, which ends in a consonant; ㄹ 리을 in ㄹ.
  if (code >= 0x3131 && code <= 0x314e) return code === 0x3139 ? 'rieul' : 'consonant';
  if (code >= 0x314f && code <= 0x3163) return 'vowel';
  if (last >= '0' && last <= '9') return numberEnding(text);
  if (/[A-Za-z]/.test(last)) return latinEnding(text);
  return 'consonant';
}

function spoken(word: string): string {
  let text = word.trim();
  for (;;) {
    const next = text
      .replace(/\s*\([^()]*\)$/, '')
      .replace(/\s*（[^（）]*）$/, '')
      .replace(/[\s"'“”‘’「」『』《》〈〉»«)\]}>.,;:!?…·]+$/, '');
    if (next === text || next === '') return next === '' ? text : next;
    text = next;
  }
}

function numberEnding(text: string): KoreanEnding {
  const match = /(\.?)([\d,]+)$/.exec(text);
  const digits = (match?.[2] ?? '').replaceAll(',', '');
  const last = Number(digits.at(-1));
  // After a decimal point each digit is read on its own (1.50 일 점 오 영).
  if (match?.[1] === '.' || last !== 0) return DIGIT[last] ?? 'consonant';
  const significant = digits.replace(/0+$/, '');
  if (significant === '') return DIGIT[0] as KoreanEnding;
  const zeros = digits.length - significant.length;
  return zeros % 4 === 0 ? (MYRIAD_PLACE[zeros / 4 - 1] ?? 'consonant') : (TENS_PLACE[(zeros % 4) - 1] as KoreanEnding);
}

function latinEnding(text: string): KoreanEnding {
  const word = /[A-Za-z]+$/.exec(text)?.[0] ?? '';
  // An acronym or a lone capital is spelled out: CRM 씨알엠, DPOR 디피오알, BI 비아이.
  if (word.length === 1 || word === word.toUpperCase()) return LETTER_ENDINGS[word.at(-1)?.toLowerCase() ?? ''] ?? 'vowel';
  const lower = word.toLowerCase();
  if (/(ng|m|n|[mn]e)$/.test(lower)) return 'consonant'; // Team 팀, Admin 어드민, Training 트레이닝, Online 온라인
  if (/(l|le)$/.test(lower)) return 'rieul'; // Retail 리테일, Portal 포털, Role 롤, Google 구글
  // k after a vowel or c closes the syllable (Outlook 아웃룩, Stack 스택); after another consonant it is 크 (Link 링크).
  if (/[aeiouc]k$/.test(lower)) return 'consonant';
  // So does a short vowel before p or t (App 앱, Set 셋); after another consonant they are 프 and 트 (Microsoft).
  if (/(^|[^aeiou])[aeiou](p|t|pp|tt)$/.test(lower)) return 'consonant';
  return 'vowel';
}
