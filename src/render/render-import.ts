import type { Locale } from '../core/localized.js';
import type { LeftOutRows, RecordType } from '../importers/import-plan.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';
import { padDisplay } from './pad-display.js';
import { renderFinding } from './render-text.js';

/** What `attain import` prints: the JSON-safe part of an import plan. */
export interface ImportReport {
  readonly kind: string;
  readonly dryRun: boolean;
  readonly changed: boolean;
  readonly summary: Readonly<Record<string, { readonly added: number; readonly updated: number; readonly unchanged: number }>>;
  readonly skipped: readonly {
    readonly line: number;
    readonly reason: string;
    readonly params: Readonly<Record<string, string | number>>;
  }[];
  readonly notices: readonly { readonly code: string; readonly params: Readonly<Record<string, string | number>> }[];
  /** Rows left out because they had problems, when the import was asked to (`--skip-invalid`). */
  readonly leftOut?: LeftOutRows;
}

const EN_PLURAL = new Intl.PluralRules('en');

const TEXT: Record<
  Locale,
  {
    title: (kind: string, org: string, dryRun: boolean) => string;
    /** Counts written with the language's separators already: a large import adds 99,476 records. */
    counts: (added: string, updated: string, unchanged: string) => string;
    unchanged: string;
    skipped: (n: number, shown: string) => string;
    line: (n: number) => string;
    types: Readonly<Record<RecordType, string>>;
    leftOut: (rows: number, problems: number, n: (x: number) => string) => string;
  }
> = {
  en: {
    title: (kind, org, dryRun) => `Import of ${kind} into ${org}${dryRun ? ' (dry run: nothing was written)' : ''}`,
    counts: (a, u, n) => `${a} added, ${u} updated, ${n} unchanged`,
    unchanged: 'Nothing would change: everything in the file is already there.',
    skipped: (n, shown) => `${shown} ${EN_PLURAL.select(n) === 'one' ? 'row' : 'rows'} not imported:`,
    line: (n) => `line ${n}`,
    types: {
      people: 'people',
      exams: 'exam passes',
      customers: 'customers',
      dpor: 'DPOR periods',
      associations: 'associations',
      revenue: 'revenue records',
      subscriptions: 'subscriptions',
      consumption: 'consumption',
      devices: 'devices',
    },
    leftOut: (r, p, n) =>
      `${n(r)} ${EN_PLURAL.select(r) === 'one' ? 'row' : 'rows'} with problems left out (--skip-invalid), ${n(p)} ${EN_PLURAL.select(p) === 'one' ? 'problem' : 'problems'} by cause:`,
  },
  'zh-TW': {
    title: (kind, org, dryRun) => `將 ${kind} 匯入 ${org}${dryRun ? '（試執行：未寫入任何資料）' : ''}`,
    counts: (a, u, n) => `新增 ${a}、更新 ${u}、未變更 ${n}`,
    unchanged: '不會有任何變更：檔案中的資料都已存在。',
    skipped: (_, shown) => `${shown} 列未匯入：`,
    line: (n) => `第 ${n} 行`,
    types: {
      people: '人員',
      exams: '測驗通過記錄',
      customers: '客戶',
      dpor: 'DPOR 期間',
      associations: '其他合作關係期間',
      revenue: '營收記錄',
      subscriptions: '訂閱（授權數）',
      consumption: '使用量記錄',
      devices: '裝置出貨記錄',
    },
    leftOut: (r, p, n) => `已略過 ${n(r)} 列有問題的資料（--skip-invalid），共 ${n(p)} 個問題，依原因列出：`,
  },
  'ko-KR': {
    title: (kind, org, dryRun) => `${org}에 ${kind} 가져오기${dryRun ? ' (모의 실행: 아무것도 기록하지 않음)' : ''}`,
    counts: (a, u, n) => `추가 ${a}, 업데이트 ${u}, 변경 없음 ${n}`,
    unchanged: '변경 사항 없음: 파일의 모든 내용이 이미 있습니다.',
    skipped: (_, shown) => `가져오지 않은 행 ${shown}개:`,
    line: (n) => `${n}행`,
    types: {
      people: '직원',
      exams: '시험 통과 기록',
      customers: '고객',
      dpor: 'DPOR 기간',
      associations: '기타 파트너 연결 기간',
      revenue: '수익 기록',
      subscriptions: '구독(좌석)',
      consumption: '사용량 기록',
      devices: '장치 출하 기록',
    },
    leftOut: (r, p, n) => `문제가 있는 ${n(r)}개 행을 제외했습니다(--skip-invalid). 원인별 문제 ${n(p)}개:`,
  },
};

export function renderImportText(report: ImportReport, org: string, locale: Locale): string {
  const t = TEXT[locale];
  const f = new Formatter(locale, undefined);
  const m = MESSAGES[locale];
  const out = [t.title(report.kind, org, report.dryRun)];
  if (!report.changed) out.push(`  ${t.unchanged}`);
  for (const [type, c] of Object.entries(report.summary)) {
    if (c.added + c.updated + c.unchanged > 0)
      out.push(
        `  ${padDisplay(t.types[type as RecordType] ?? type, 16)} ${t.counts(f.number(c.added), f.number(c.updated), f.number(c.unchanged))}`,
      );
  }
  for (const notice of report.notices) out.push(`  ! ${renderFinding(notice.code, notice.params, f, m)}`);
  if (report.skipped.length > 0) {
    out.push(`  ${t.skipped(report.skipped.length, f.number(report.skipped.length))}`);
    for (const row of report.skipped.slice(0, 50))
      out.push(`    ${t.line(row.line)}: ${renderFinding(row.reason, row.params, f, m)}`);
    if (report.skipped.length > 50) out.push(`    … ${m.more(report.skipped.length - 50)}`);
  }
  if (report.leftOut) {
    out.push(`  ${t.leftOut(report.leftOut.rows, report.leftOut.problems, (x) => f.number(x))}`);
    for (const g of report.leftOut.groups.slice(0, 50))
      out.push(`    ${g.path}: ${renderFinding(g.code, g.params, f, m)} [${g.code}]: ${m.importGroupRows(g.count, g.lines, f)}`);
    if (report.leftOut.groups.length > 50) out.push(`    ${m.importMoreCauses(report.leftOut.groups.length - 50)}`);
  }
  return `${out.join('\n')}\n`;
}
