import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AttainError } from '../../core/attain-error.js';
import { decodeUtf8 } from '../../core/decode-utf8.js';
import type { ImportKind } from '../../importers/import-kinds.js';
import { type ImportReport, renderImportText } from '../../render/render-import.js';
import type { SqlStore } from '../../store/sql-store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import type { ServerClient } from '../server-client.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

export const importOptions: readonly OptionSpec[] = [
  { name: 'org', value: 'ID', description: 'the organization to import into' },
  {
    name: 'kind',
    value: 'KIND',
    description: 'org, exams, customers, revenue, partner-center-trainings or partner-center-revenue (default: from the header)',
  },
  { name: 'dry-run', description: 'show what would change, write nothing' },
  dataDirOption,
  formatOption,
  langOption,
  catalogOption,
];

const ACTOR = { kind: 'cli', id: 'attain import' } as const;

/** `attain import FILE --org ID`: all or nothing, idempotent; `--dry-run` shows the changes first. */
export async function importCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, importOptions);
  const file = positionals[0] ?? '';
  if (file === '') throw usage('import needs a file: attain import FILE --org ID');
  if (typeof options.org !== 'string') throw usage('import needs --org ID');
  const org = options.org;
  const { IMPORT_KINDS, isImportKind } = await import('../../importers/import-kinds.js');
  const given = options.kind;
  if (given !== undefined && (typeof given !== 'string' || !isImportKind(given))) {
    throw usage(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  }
  const kind = given as ImportKind | undefined;
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AttainError('cli.file', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, []);
  });
  const text = decodeUtf8(bytes, file);
  const catalog = await loadCatalog(options.catalog);
  const dryRun = options['dry-run'] === true;
  const target = await openStoreOrServer(options);
  const output = target.kind === 'server' ? await viaServer(target.client) : await onStore(target.store);
  write(
    options.format === 'json'
      ? `${JSON.stringify(output, null, 2)}\n`
      : renderImportText(output, org, chooseLocale(options.lang)),
  );
  return 0;

  /** The server plans and applies it, exactly as an upload. */
  async function viaServer(client: ServerClient): Promise<ImportReport> {
    const route = `/api/orgs/${encodeURIComponent(org)}/imports/${kind ?? 'auto'}`;
    const query = { dryRun, name: path.basename(file) };
    return client.json<ImportReport>('POST', route, { query, text, type: 'text/plain; charset=utf-8' });
  }

  async function onStore(store: SqlStore): Promise<ImportReport> {
    try {
      const { importIntoStore } = await import('../../service/import-into-store.js');
      const input = { orgId: org, ...(kind && { kind }), text, file, catalog };
      const plan = await importIntoStore(store, input, { actor: ACTOR, dryRun, detail: { file } });
      const { organization: _, additions: __, ...report } = plan;
      return { ...report, dryRun };
    } finally {
      await store.close();
    }
  }
}
