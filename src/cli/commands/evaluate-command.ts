import type { RevenueAssociationPolicy } from '../../catalog/catalog-types.js';
import { evaluate } from '../../engine/evaluate.js';
import { personNames } from '../../engine/organization.js';
import { readOrganizationFile } from '../../importers/read-organization-file.js';
import { renderEvaluationText } from '../../render/render-text.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';

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
  const asOf = dateOption(options['as-of'], 'as-of');
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
      write(renderEvaluationText(evaluation, catalog, locale, personNames(organization)));
    }
  }
  if (options.format === 'json') write(`${JSON.stringify(evaluations.length === 1 ? evaluations[0] : evaluations, null, 2)}\n`);
  return 0;
}
