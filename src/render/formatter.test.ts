import { describe, expect, it } from 'vitest';
import { Formatter } from './formatter.js';

describe('Formatter', () => {
  it('counts by Intl.PluralRules in each language', () => {
    const forms = { one: '# person', other: '# people' };
    expect(new Formatter('en', undefined).plural(1, forms)).toBe('1 person');
    expect(new Formatter('en', undefined).plural(0, forms)).toBe('0 people');
    expect(new Formatter('en', undefined).plural(1234, forms)).toBe('1,234 people');
    // Chinese and Korean have one form for every count: only `other` is used.
    expect(new Formatter('zh-TW', undefined).plural(1, { one: 'x', other: '# 人' })).toBe('1 人');
    expect(new Formatter('ko-KR', undefined).plural(1, { one: 'x', other: '#명' })).toBe('1명');
  });

  it('lists a single string as one item, not as its characters', () => {
    expect(new Formatter('en', undefined).and('abc' as unknown as string[])).toBe('abc');
    expect(new Formatter('en', undefined).or(['a', 'b'])).toBe('a or b');
  });
});
