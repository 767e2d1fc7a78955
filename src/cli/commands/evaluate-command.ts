import type { RevenueAssociationPolicy } from '../../catalog/catalog-types.js';
import { parseDay } from '../../core/day.js';
import { evaluate } from '../../engine/evaluate.js';
import { readOrganizationFile } from '../../importers/read-organization-file.js';
import { renderEvaluationText } from '../../render/render-text.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';

export const evaluateOptions: readonly OptionSpec[] = [
  { name: 'as-of', value: 'DATE', description: 'evaluate as of YYYY-MM-DD (default: today)' },
  formatOption,
  langOption,
  catalogOption,
  {
    name: 'revenue-association',
    value: 'POLICY',
    choices: ['within-period', 'associated-at-as-of'],
    description: "override the program's DPOR policy",
  },
];

/** `attain evaluate FILE…`: every competency, option and level for each organization file. */
export async function evaluateCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, evaluateOptions);
  if (positionals.length === 0) throw usage('evaluate needs an organization file: attain evaluate FILE');
  const asOf = typeof options['as-of'] === 'string' ? parseDay(options['as-of']) : undefined;
  if (options['as-of'] !== undefined && asOf === undefined) {
    throw usage(`--as-of must be a date YYYY-MM-DD, not "${String(options['as-of'])}"`);
  }
  const catalog = await loadCatalog(options.catalog);
  const locale = chooseLocale(options.lang);
  const association = options['revenue-association'] as RevenueAssociationPolicy | undefined;
  const evaluations = [];
  for (const file of positionals) {
    const organization = await readOrganizationFile(file, catalog.currency);
    const evaluation = evaluate(catalog, organization, {
      ...(asOf === undefined ? {} : { asOf }),
      ...(association ? { policy: { revenueAssociation: association } } : {}),
    });
    if (options.format === 'json') evaluations.push(evaluation);
    else {
      const names = new Map(organization.people.flatMap((p) => (p.name ? [[p.id, p.name] as const] : [])));
      write(renderEvaluationText(evaluation, catalog, locale, names));
    }
  }
  if (options.format === 'json') write(`${JSON.stringify(evaluations.length === 1 ? evaluations[0] : evaluations, null, 2)}\n`);
  return 0;
}
