import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koreanEnding, particle, withParticle } from './korean-particles.js';

describe('Korean particles', () => {
  it('follow a Hangul syllable’s final consonant', () => {
    expect(withParticle('골드', '이/가')).toBe('골드가');
    expect(withParticle('실버', '이/가')).toBe('실버가');
    expect(withParticle('금상', '이/가')).toBe('금상이');
    expect(withParticle('모두', '을/를')).toBe('모두를');
    expect(withParticle('하나', '을/를')).toBe('하나를');
    expect(withParticle('시험', '을/를')).toBe('시험을');
    expect(withParticle('역량', '은/는')).toBe('역량은');
    expect(withParticle('직원', '과/와')).toBe('직원과');
    expect(withParticle('고객', '으로/로')).toBe('고객으로');
    expect(withParticle('파트너', '으로/로')).toBe('파트너로');
  });

  it('take 로 after ㄹ, and 으로 after any other final consonant', () => {
    expect(withParticle('서울', '으로/로')).toBe('서울로');
    expect(withParticle('레벨', '으로/로')).toBe('레벨로');
    expect(withParticle('1', '으로/로')).toBe('1로'); // 일
    expect(withParticle('3', '으로/로')).toBe('3으로'); // 삼
    expect(withParticle('서울', '이/가')).toBe('서울이');
  });

  it('read digits in Sino-Korean', () => {
    const forms = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
    for (let d = 0; d <= 9; d++) expect(particle(String(d), '을/를'), `${d}`).toBe(particle(forms[d] as string, '을/를'));
    expect(withParticle('MB2-716', '을/를')).toBe('MB2-716을'); // 육
    expect(withParticle('MB2-712', '을/를')).toBe('MB2-712를'); // 이
    expect(withParticle('70-534', '이/가')).toBe('70-534가'); // 사
    expect(withParticle('MB6-897', '은/는')).toBe('MB6-897은'); // 칠
  });

  it('read a number ending in zeros by its place: 십, 백, 천, 만, 억', () => {
    expect(withParticle('10', '이/가')).toBe('10이'); // 십
    expect(withParticle('AZ-900', '을/를')).toBe('AZ-900을'); // 구백
    expect(withParticle('2000', '은/는')).toBe('2000은'); // 이천
    expect(withParticle('50,000', '이/가')).toBe('50,000이'); // 오만
    expect(withParticle('100000000', '이/가')).toBe('100000000이'); // 일억
    expect(withParticle('1000000000000', '이/가')).toBe('1000000000000가'); // 일조
    expect(withParticle('0', '이/가')).toBe('0이'); // 영
    expect(withParticle('1.50', '이/가')).toBe('1.50이'); // 일 점 오 영
    expect(withParticle('2.5', '이/가')).toBe('2.5가'); // 이 점 오
    expect(withParticle('US$37,654.33', '을/를')).toBe('US$37,654.33을'); // 삼
  });

  it('spell acronyms by their letter names and read English words by their ending', () => {
    expect(withParticle('CRM', '이/가')).toBe('CRM이'); // 씨알엠
    expect(withParticle('DPOR', '으로/로')).toBe('DPOR로'); // 디피오알
    expect(withParticle('BI', '은/는')).toBe('BI는'); // 비아이
    expect(withParticle('Gold', '이/가')).toBe('Gold가'); // 골드
    expect(withParticle('Silver', '이/가')).toBe('Silver가'); // 실버
    expect(withParticle('Retail', '으로/로')).toBe('Retail로'); // 리테일
    expect(withParticle('Team', '을/를')).toBe('Team을'); // 팀
    expect(withParticle('Online', '은/는')).toBe('Online은'); // 온라인
    expect(withParticle('Outlook', '이/가')).toBe('Outlook이'); // 아웃룩
    expect(withParticle('App', '이/가')).toBe('App이'); // 앱
    expect(withParticle('Microsoft', '이/가')).toBe('Microsoft가'); // 마이크로소프트
  });

  it('read the word inside quotes and before a closing parenthetical', () => {
    expect(withParticle('"골드"', '이/가')).toBe('"골드"가');
    expect(withParticle('「MB2-716」', '을/를')).toBe('「MB2-716」을');
    expect(withParticle('MB2-716("Dynamics 365 Sales")', '은/는')).toBe('MB2-716("Dynamics 365 Sales")은');
    expect(withParticle('2018. 3. 31.', '이/가')).toBe('2018. 3. 31.이'); // 삼십일 일
  });

  it('choose the consonant form for a word whose sound cannot be told (Han characters, symbols)', () => {
    expect(koreanEnding('王小明')).toBe('consonant');
    expect(koreanEnding('')).toBe('consonant');
    expect(koreanEnding('→')).toBe('consonant');
  });

  it('never leave a both-forms particle such as 이(가)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('이/가', '을/를', '은/는', '과/와', '으로/로') as fc.Arbitrary<'이/가'>,
        (word, pair) => {
          const chosen = particle(word, pair);
          expect(pair.split('/')).toContain(chosen);
        },
      ),
    );
  });

  it('agree with the final jamo of any Hangul syllable, computed from its decomposition', () => {
    // A syllable is 0xAC00 + (initial × 21 + medial) × 28 + final; final 0 is none and 8 is ㄹ.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 27 }),
        fc.string({ maxLength: 5 }),
        (initial, medial, final, prefix) => {
          const syllable = String.fromCharCode(0xac00 + (initial * 21 + medial) * 28 + final);
          const word = `${prefix}${syllable}`;
          expect(particle(word, '이/가')).toBe(final === 0 ? '가' : '이');
          expect(particle(word, '을/를')).toBe(final === 0 ? '를' : '을');
          expect(particle(word, '으로/로')).toBe(final === 0 || final === 8 ? '로' : '으로');
        },
      ),
    );
  });

  it('agree with a number spelled out in Sino-Korean, for any whole number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), (n) => {
        const spelled = sinoKorean(n);
        expect(particle(n.toString(), '을/를'), `${n} ${spelled}`).toBe(particle(spelled, '을/를'));
        expect(particle(n.toString(), '으로/로'), `${n} ${spelled}`).toBe(particle(spelled, '으로/로'));
      }),
    );
  });
});

/** A whole number read aloud the long way (brute force): 1234 → 천이백삼십사, 10000 → 만, 0 → 영. */
function sinoKorean(n: bigint): string {
  if (n === 0n) return '영';
  const digits = ['', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
  const small = ['', '십', '백', '천'];
  const large = ['', '만', '억', '조'];
  let text = '';
  for (let group = 0; n > 0n; group++, n /= 10000n) {
    const part = Number(n % 10000n);
    let words = '';
    for (let place = 3; place >= 0; place--) {
      const d = Math.floor(part / 10 ** place) % 10;
      if (d === 0) continue;
      words += `${d === 1 && place > 0 ? '' : digits[d]}${small[place]}`;
    }
    if (words) text = `${words}${large[group]}${text}`;
  }
  return text;
}
