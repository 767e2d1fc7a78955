import { personNames } from '../../engine/organization.js';
import { readOrganizationFile } from '../../importers/read-organization-file.js';
import { evaluateJointly } from '../../planner/evaluate-jointly.js';
import { renderEvaluationText } from '../../render/render-text.js';
import { catalogOption, chooseLocale, formatOption, langOption, policyFrom, policyOptions } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';

export const evaluateOptions: readonly OptionSpec[] = [
  { name: 'as-of', value: 'DATE', description: 'evaluate as of YYYY-MM-DD (default: today)' },
  formatOption,
  langOption,
  catalogOption,
  ...policyOptions,
];

/** `attain evaluate FILE…`: every competency, option and level for each organization file. */
export async function evaluateCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, evaluateOptions);
  if (positionals.length === 0) throw usage('evaluate needs an organization file: attain evaluate FILE');
  const asOf = dateOption(options['as-of'], 'as-of');
  const catalog = await loadCatalog(options.catalog);
  const locale = chooseLocale(options.lang);
  const policy = policyFrom(options);
  const evaluations = [];
  for (const file of positionals) {
    const organization = await readOrganizationFile(file, catalog.currency);
    // Without a cap this is plain `evaluate`; with one, levels are decided together.
    const evaluation = await evaluateJointly(catalog, organization, { ...(asOf === undefined ? {} : { asOf }), policy });
    if (options.format === 'json') evaluations.push(evaluation);
    else {
      write(renderEvaluationText(evaluation, catalog, locale, personNames(organization)));
    }
  }
  if (options.format === 'json') write(`${JSON.stringify(evaluations.length === 1 ? evaluations[0] : evaluations, null, 2)}\n`);
  return 0;
}
