import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWidth, wrapLabel } from '../src/components/charts/axis-labels.js';

const measure = (text: string) => estimateWidth(text, 12);

describe('chart axis labels', () => {
  it('wrap between words to fit, in every language', () => {
    expect(wrapLabel('Enterprise Customer Engagement option', 170, measure, 2)).toEqual([
      'Enterprise Customer',
      'Engagement option',
    ]);
    expect(wrapLabel('Cloud CRM reseller option', 200, measure, 2)).toEqual(['Cloud CRM reseller option']);
    expect(wrapLabel('엔터프라이즈 고객 참여 옵션', 100, measure, 2)).toEqual(['엔터프라이즈', '고객 참여 옵션']);
    // Chinese has no spaces: it breaks between characters.
    expect(wrapLabel('企業客戶業務開發選項', 72, measure, 2)).toEqual(['企業客戶業務', '開發選項']);
    expect(wrapLabel('企業客戶業務開發選項', 36, measure, 2)).toEqual(['企業客', '戶業…']);
  });

  it('never exceed the width or the lines, and lose nothing unless they end in an ellipsis', () => {
    const word = fc.stringMatching(/^[A-Za-z가-힣一-龥]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 30, max: 240 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapLabel(text, width, measure, 2);
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
        if (!lines.at(-1)?.endsWith('…')) expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
      }),
    );
  });
});
