import { describe, expect, it } from 'vitest';
import { displayWidth } from './pad-display.js';
import { renderImportText } from './render-import.js';

const report = {
  kind: 'exams',
  dryRun: true,
  changed: true,
  summary: {
    people: { added: 1, updated: 0, unchanged: 2 },
    exams: { added: 3, updated: 0, unchanged: 0 },
  },
  skipped: [],
  notices: [],
};

describe('attain import text', () => {
  it('lines up its counts in Chinese and Korean, whose labels take two columns a character', () => {
    for (const locale of ['en', 'zh-TW', 'ko-KR'] as const) {
      const rows = renderImportText(report, 'contoso', locale)
        .split('\n')
        .filter((line) => /\d/.test(line) && line.startsWith('  '));
      expect(rows).toHaveLength(2);
      // Where the counts begin: after the label's padding, the first run of two spaces or more past the indent.
      const starts = rows.map((row) => {
        const gap = /\S {2,}/.exec(row.slice(2));
        return displayWidth(row.slice(0, 2 + (gap ? gap.index + gap[0].length : 0)));
      });
      expect(new Set(starts).size, `${locale}: ${rows.join(' | ')}`).toBe(1);
    }
  });

  it("writes counts with the language's separators", () => {
    const large = { ...report, summary: { revenue: { added: 99476, updated: 0, unchanged: 1200 } } };
    expect(renderImportText(large, 'contoso', 'en')).toContain('99,476 added, 0 updated, 1,200 unchanged');
    expect(renderImportText(large, 'contoso', 'ko-KR')).toContain('추가 99,476, 업데이트 0, 변경 없음 1,200');
    expect(renderImportText(large, 'contoso', 'zh-TW')).toContain('新增 99,476、更新 0、未變更 1,200');
  });

  it('calls a dry run 모의 실행 in Korean: 시험 is an exam', () => {
    expect(renderImportText(report, 'contoso', 'ko-KR').split('\n')[0]).toBe(
      'contoso에 exams 가져오기 (모의 실행: 아무것도 기록하지 않음)',
    );
  });
});
