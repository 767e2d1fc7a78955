import { dayOf } from '../../core/day.js';
import { personNames } from '../../engine/organization.js';
import { planLevel } from '../../planner/plan-level.js';
import { renderPlanText } from '../../render/render-plan.js';
import { catalogOption, chooseLocale, formatOption, langOption, policyFrom, policyOptions } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { readOneOrganization, storedOrgOptions } from '../stored-organization.js';

export const planOptions: readonly OptionSpec[] = [
  { name: 'target', value: 'COMPETENCY/OPTION/LEVEL', description: 'the level to reach, e.g. cloud-crm/reseller/gold' },
  { name: 'as-of', value: 'DATE', description: 'plan as of YYYY-MM-DD (default: today)' },
  { name: 'max-exams-per-person', value: 'N', description: 'at most N new exams for any one person' },
  { name: 'exclude', value: 'PERSON', repeatable: true, description: 'someone leaving: fills no seat (repeatable)' },
  { name: 'no-hire', description: 'only the people the organization has' },
  formatOption,
  langOption,
  catalogOption,
  ...storedOrgOptions,
  ...policyOptions,
];

/** `attain plan FILE --target C/O/L`: the cheapest way to the level, and who should sit which exam. */
export async function planCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, planOptions);
  const file = positionals[0];
  if ((!file && options.org === undefined) || typeof options.target !== 'string')
    throw usage('cli.arguments.missing', { command: 'plan', usage: 'plan FILE|--org ID --target COMPETENCY/OPTION/LEVEL' });
  const asOf = dateOption(options['as-of'], 'as-of') ?? dayOf(new Date());
  const limitText = options['max-exams-per-person'];
  const limit = typeof limitText === 'string' ? Number(limitText) : null;
  if (limit !== null && !(Number.isInteger(limit) && limit >= 0))
    throw usage('cli.option.number', { option: 'max-exams-per-person', value: String(limitText), min: 0 });
  const catalog = await loadCatalog(options.catalog);
  const organization = await readOneOrganization(file, options, catalog);
  const plan = await planLevel(catalog, organization, options.target, {
    asOf,
    maxExamsPerPerson: limit,
    exclude: (options.exclude as readonly string[] | undefined) ?? [],
    noHire: options['no-hire'] === true,
    policy: policyFrom(options),
  });
  if (options.format === 'json') write(`${JSON.stringify(plan, null, 2)}\n`);
  else {
    write(renderPlanText(plan, catalog, chooseLocale(options.lang), personNames(organization)));
  }
  return 0;
}
