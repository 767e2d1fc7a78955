import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../catalog/catalog-types.js';
import { isAttainError } from '../../core/attain-error.js';
import { readTextFile } from '../../core/read-structured-file.js';
import { IMPORT_KINDS, type ImportKind } from '../../importers/import-kinds.js';
import { type ImportReport, renderImportText } from '../../render/render-import.js';
import type { SqlStore } from '../../store/sql-store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { phaseLine } from '../progress-line.js';
import type { ServerClient } from '../server-client.js';
import { dataDirOf, dataDirOption, openStoreOrServer } from '../store-option.js';

export const importOptions: readonly OptionSpec[] = [
  {
    name: 'org',
    value: 'ID',
    description: {
      en: 'the organization to import into',
      'zh-TW': '要匯入的目標組織',
      'ko-KR': '가져올 대상 조직',
    },
  },
  {
    name: 'kind',
    value: 'KIND',
    description: {
      en: `${IMPORT_KINDS.slice(0, -1).join(', ')} or ${IMPORT_KINDS.at(-1)} (default: from the header)`,
      'zh-TW': `${new Intl.ListFormat('zh-TW', { type: 'disjunction' }).format(IMPORT_KINDS)}（預設：依標題列判斷）`,
      'ko-KR': `${new Intl.ListFormat('ko-KR', { type: 'disjunction' }).format(IMPORT_KINDS)}(기본값: 머리글 행으로 판단)`,
    },
  },
  {
    name: 'dry-run',
    description: {
      en: 'show what would change, write nothing',
      'zh-TW': '只顯示會變更的內容，不寫入任何資料',
      'ko-KR': '바뀔 내용만 보여 주고 아무것도 쓰지 않습니다',
    },
  },
  {
    name: 'skip-invalid',
    description: {
      en: 'leave out the rows with problems and import the others, listing what was left out (default: refuse the file)',
      'zh-TW': '略過有問題的資料列並匯入其餘資料列，同時列出略過的內容（預設：拒絕整個檔案）',
      'ko-KR': '문제가 있는 행은 빼고 나머지를 가져오며, 뺀 행을 보여 줍니다(기본값: 파일 전체를 거부)',
    },
  },
  dataDirOption,
  formatOption,
  langOption,
  catalogOption,
];

const ACTOR = { kind: 'cli', id: 'attain import' } as const;

/**
 * `attain import FILE --org ID`: all or nothing, idempotent; `--dry-run` shows the changes first, `--skip-invalid`
 * leaves out the bad rows instead of refusing the file. On a terminal it says which phase it is in: the first import
 * into a new store spends most of its time creating the store, which looked like a hang.
 */
export async function importCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, importOptions);
  const file = positionals[0] ?? '';
  if (file === '' || typeof options.org !== 'string')
    throw usage('cli.arguments.missing', { command: 'import', usage: 'import FILE --org ID' });
  const org = options.org;
  const { IMPORT_KINDS, isImportKind } = await import('../../importers/import-kinds.js');
  const given = options.kind;
  if (given !== undefined && (typeof given !== 'string' || !isImportKind(given))) {
    throw usage('cli.option.choice', { option: 'kind', value: String(given), choices: IMPORT_KINDS.join(', ') });
  }
  const kind = given as ImportKind | undefined;
  const json = options.format === 'json';
  const phase = phaseLine(chooseLocale(options.lang));
  const dryRun = options['dry-run'] === true;
  const skipInvalid = options['skip-invalid'] === true;
  let output: ImportReport;
  try {
    phase('reading', file);
    const text = await readTextFile(file);
    const catalog = await loadCatalog(options.catalog);
    const dataDir = dataDirOf(options);
    if (process.env.DATABASE_URL) phase('opening', 'PostgreSQL');
    else phase(existsSync(path.join(dataDir, 'pgdata')) ? 'opening' : 'creating', dataDir);
    const target = await openStoreOrServer(options);
    output = target.kind === 'server' ? await viaServer(target.client, text) : await onStore(target.store, text, catalog);
  } catch (error) {
    phase.end();
    // Asked for JSON, a refusal is JSON too, with every listed row and every cause counted.
    if (!json || !isAttainError(error) || error.code !== 'import.invalid') throw error;
    write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    return 2;
  } finally {
    // However it ended, the phase line is ended before anything else is written (ending twice writes once).
    phase.end();
  }
  write(json ? `${JSON.stringify(output, null, 2)}\n` : renderImportText(output, org, chooseLocale(options.lang)));
  return 0;

  /** The server plans and applies it, exactly as an upload. */
  async function viaServer(client: ServerClient, text: string): Promise<ImportReport> {
    const route = `/api/orgs/${encodeURIComponent(org)}/imports/${kind ?? 'auto'}`;
    const query = { dryRun, name: path.basename(file), ...(skipInvalid && { skipInvalid: 'true' }) };
    phase('server', client.where);
    return client.json<ImportReport>('POST', route, { query, text, type: 'text/plain; charset=utf-8' });
  }

  async function onStore(store: SqlStore, text: string, catalog: Catalog): Promise<ImportReport> {
    try {
      const { importIntoStore } = await import('../../service/import-into-store.js');
      const input = { orgId: org, ...(kind && { kind }), text, file, catalog, skipInvalid };
      const plan = await importIntoStore(store, input, { actor: ACTOR, dryRun, detail: { file }, onPhase: phase });
      const { organization: _, additions: __, ...report } = plan;
      return { ...report, dryRun };
    } finally {
      await store.close();
    }
  }
}
