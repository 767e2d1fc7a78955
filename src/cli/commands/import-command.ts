import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AttainError } from '../../core/attain-error.js';
import { decodeUtf8 } from '../../core/decode-utf8.js';
import { type ImportReport, renderImportText } from '../../render/render-import.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
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

/** `attain import FILE --org ID`: all or nothing, idempotent; `--dry-run` shows the changes first. */
export async function importCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, importOptions);
  const file = positionals[0];
  if (!file) throw usage('import needs a file: attain import FILE --org ID');
  if (typeof options.org !== 'string') throw usage('import needs --org ID');
  const org = options.org;
  const { IMPORT_KINDS, isImportKind } = await import('../../importers/import-kinds.js');
  const kind = options.kind;
  if (kind !== undefined && (typeof kind !== 'string' || !isImportKind(kind))) {
    throw usage(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AttainError('cli.file', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, []);
  });
  const text = decodeUtf8(bytes, file);
  const catalog = await loadCatalog(options.catalog);
  const { planImport } = await import('../../importers/plan-import.js');
  const dryRun = options['dry-run'] === true;
  const target = await openStoreOrServer(options);
  if (target.kind === 'server') {
    // The server plans and applies it under its own lock on the organization, exactly as an upload.
    const output = await target.client.json<ImportReport>(
      'POST',
      `/api/orgs/${encodeURIComponent(org)}/imports/${kind ?? 'auto'}`,
      {
        query: { dryRun, name: path.basename(file) },
        text,
        type: 'text/plain; charset=utf-8',
      },
    );
    write(
      options.format === 'json'
        ? `${JSON.stringify(output, null, 2)}\n`
        : renderImportText(output, org, chooseLocale(options.lang)),
    );
    return 0;
  }
  const { store } = target;
  try {
    const existing = await store.getOrganization(org);
    const plan = planImport({ existing, orgId: org, ...(kind && { kind }), text, file, catalog });
    if (!dryRun && plan.changed) {
      const actor = { kind: 'cli', id: 'attain import' } as const;
      if (plan.replace) await store.replaceOrganization(plan.organization, actor, `import.${plan.kind}`);
      else await store.addToOrganization(org, plan.additions, actor, `import.${plan.kind}`, { file, summary: plan.summary });
    }
    const { organization: _, additions: __, ...report } = plan;
    const output = { ...report, dryRun };
    write(
      options.format === 'json'
        ? `${JSON.stringify(output, null, 2)}\n`
        : renderImportText(output, org, chooseLocale(options.lang)),
    );
    return 0;
  } finally {
    await store.close();
  }
}
