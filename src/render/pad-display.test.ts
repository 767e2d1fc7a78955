import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay } from './pad-display.js';

describe('padding by terminal columns', () => {
  it('counts Han and Hangul as two columns, so that a Chinese or Korean table lines up', () => {
    expect(displayWidth('people')).toBe(6);
    expect(displayWidth('測驗通過記錄')).toBe(12);
    expect(displayWidth('시험 통과 기록')).toBe(14);
    const rows = ['人員', '測驗通過記錄', 'DPOR 期間'].map((label) => `${padDisplay(label, 16)}|`);
    expect(rows.map(displayWidth)).toEqual([17, 17, 17]);
    expect(padDisplay('a longer label than that', 4)).toBe('a longer label than that');
  });
});
