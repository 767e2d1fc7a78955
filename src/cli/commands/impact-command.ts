import path from 'node:path';
import { readDraftCatalog } from '../../catalog/read-draft-catalog.js';
import { dayOf, formatDay } from '../../core/day.js';
import { readTextFile } from '../../core/read-structured-file.js';
import { impactTotals } from '../../program/impact-totals.js';
import { MESSAGES } from '../../render/messages.js';
import type { ImpactChange, ProgramRun } from '../../store/program-store.js';
import type { SqlStore } from '../../store/sql-store.js';
import { chooseLocale, formatOption, langOption } from '../common-options.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { progressLine } from '../progress-line.js';
import { serverImpact } from '../server-runs.js';
import { dataDirOption, openStoreOrServer, refuseOnServer } from '../store-option.js';
import { runOnStore } from '../store-run.js';

export const impactOptions: readonly OptionSpec[] = [
  {
    name: 'catalog',
    value: 'DRAFT',
    description: {
      en: 'the draft catalog (YAML or JSON) to compare with the current one',
      'zh-TW': '要與目前目錄比較的草稿目錄（YAML 或 JSON）',
      'ko-KR': '현재 카탈로그와 비교할 초안 카탈로그(YAML 또는 JSON)',
    },
  },
  {
    name: 'as-of',
    value: 'DATE',
    description: {
      en: 'compare as of YYYY-MM-DD (default: today)',
      'zh-TW': '以 YYYY-MM-DD 為評估日期進行比較（預設：今天）',
      'ko-KR': 'YYYY-MM-DD 기준으로 비교합니다(기본값: 오늘)',
    },
  },
  formatOption,
  langOption,
  dataDirOption,
  {
    name: 'current',
    value: 'PATH',
    description: {
      en: 'the current catalog, when not the shipped one',
      'zh-TW': '目前的目錄（不是內建目錄時）',
      'ko-KR': '현재 카탈로그(기본 제공 카탈로그가 아닐 때)',
    },
  },
];

/**
 * `attain impact --catalog DRAFT.yaml`: evaluates every stored organization under the current and the draft catalog
 * as of a day (as jobs, which this process works on) and reports every level whose status differs, with totals.
 */
export async function impactCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, impactOptions);
  const draftFile = typeof options.catalog === 'string' ? options.catalog : positionals[0];
  if (draftFile === undefined) throw usage('cli.arguments.missing', { command: 'impact', usage: 'impact --catalog DRAFT.yaml' });
  const draftText = await readTextFile(draftFile);
  const draft = await readDraftCatalog(draftFile, draftText);
  const asOf = formatDay(dateOption(options['as-of'], 'as-of') ?? dayOf(new Date()));
  const target = await openStoreOrServer(options);
  const words = MESSAGES[chooseLocale(options.lang)].cli;
  const progress = progressLine('compared', chooseLocale(options.lang));
  const onProgress = (r: ProgramRun) => progress(r.done, r.total);
  const named = { name: path.basename(draftFile), text: draftText };
  if (target.kind === 'server') refuseOnServer(options, ['current']);
  const { run, changes } =
    target.kind === 'server'
      ? await serverImpact<ImpactChange>(target.client, named, asOf, onProgress)
      : await impactOnStore(target.store, options, { draft, name: named.name }, asOf, onProgress);
  progress.end();
  const totals = impactTotals(changes);
  if (options.format === 'json') {
    write(
      `${JSON.stringify({ run: run.id, asOf, draft: run.draftName, organizations: run.total, failed: run.failed, totals, changes }, null, 2)}\n`,
    );
    return 0;
  }
  write(`${words.impactTitle(run.draftName ?? '', asOf, run.total ?? 0, run.failed)}\n`);
  write(`  ${words.impactTotals(totals.gain, totals.lose, totals.other, totals.organizations)}\n`);
  for (const l of totals.levels) {
    write(
      `  ${`${l.competency}/${l.option}/${l.level}`.padEnd(58)} +${l.gain} −${l.lose}${l.other ? words.impactOther(l.other) : ''}\n`,
    );
  }
  const shown = changes.slice(0, 50);
  for (const c of shown) write(`    ${c.org}: ${c.competency}/${c.option}/${c.level} ${c.before ?? '—'} → ${c.after ?? '—'}\n`);
  if (changes.length > shown.length) write(`    ${words.impactMore(changes.length - shown.length)}\n`);
  return 0;
}

/** The impact worked out by this process on the store itself, with the current catalog it names. */
async function impactOnStore(
  store: SqlStore,
  options: Readonly<Record<string, unknown>>,
  draft: { readonly draft: unknown; readonly name: string },
  asOf: string,
  onProgress: (run: ProgramRun) => void,
): Promise<{ run: ProgramRun; changes: readonly ImpactChange[] }> {
  try {
    const request = { kind: 'impact', asOf, draft: draft.draft, draftName: draft.name } as const;
    const run = await runOnStore(store, options.current, request, onProgress);
    return { run, changes: await store.program.impactChanges(run.id) };
  } finally {
    await store.close();
  }
}
