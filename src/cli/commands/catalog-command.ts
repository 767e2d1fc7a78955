import type { Catalog } from '../../catalog/catalog-types.js';
import { formatDay } from '../../core/day.js';
import { pick } from '../../core/localized.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';

export const catalogOptions: readonly OptionSpec[] = [formatOption, langOption, catalogOption];

/** `attain catalog list|validate|schema`. */
export async function catalogCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  const { positionals, options } = parseArgs(rest, catalogOptions);
  if (sub === 'list') {
    const catalog = await loadCatalog(options.catalog);
    write(
      options.format === 'json'
        ? `${JSON.stringify(listing(catalog), null, 2)}\n`
        : listText(catalog, chooseLocale(options.lang)),
    );
    return 0;
  }
  if (sub === 'validate') {
    const file = positionals[0];
    if (!file) throw usage('cli.arguments.missing', { command: 'catalog validate', usage: 'catalog validate FILE' });
    const catalog = await loadCatalog(file);
    write(
      `${file}: valid (${catalog.competencies.length} competencies, ${catalog.exams.size} exams, ${catalog.products.size} products)\n`,
    );
    return 0;
  }
  if (sub === 'schema') {
    const { catalogJsonSchema } = await import('../../catalog/catalog-schema.js');
    write(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
    return 0;
  }
  throw usage('cli.arguments.missing', { command: 'catalog', usage: 'catalog list | catalog validate FILE | catalog schema' });
}

function listing(catalog: Catalog) {
  return {
    id: catalog.id,
    name: catalog.name,
    currency: catalog.currency,
    markets: catalog.markets,
    policy: catalog.policy,
    competencies: catalog.competencies.map((c) => ({
      id: c.id,
      name: c.name,
      versions: c.versions.map((v) => ({
        id: v.id,
        effective: v.effective === null ? null : formatDay(v.effective),
        source: v.source,
        options: v.options.map((o) => ({ id: o.id, name: o.name, levels: o.levels.map((l) => ({ id: l.id, name: l.name })) })),
      })),
    })),
    errata: catalog.errata,
  };
}

function listText(catalog: Catalog, locale: string): string {
  const out = [`${pick(catalog.name, locale)} (${catalog.id})`];
  for (const c of catalog.competencies) {
    out.push(`  ${c.id}: ${pick(c.name, locale)}`);
    for (const v of c.versions) {
      out.push(
        `    version ${v.id}${v.effective === null ? '' : ` (${formatDay(v.effective)})`}${v.source ? ` — ${v.source}` : ''}`,
      );
      for (const o of v.options) {
        out.push(
          `      ${o.id}: ${pick(o.name, locale)} — ${o.levels.map((l) => `${l.id} (${pick(l.name, locale)})`).join(', ')}`,
        );
      }
    }
  }
  for (const e of catalog.errata) out.push(`  erratum at ${e.location}: ${pick(e.note, locale)}`);
  return `${out.join('\n')}\n`;
}
