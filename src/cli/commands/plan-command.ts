import { dayOf } from '../../core/day.js';
import { personNames } from '../../engine/organization.js';
import { planLevel } from '../../planner/plan-level.js';
import { renderPlanText } from '../../render/render-plan.js';
import { catalogOption, chooseLocale, formatOption, langOption, policyFrom, policyOptions } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { readOneOrganization, storedOrgOptions } from '../stored-organization.js';

export const planOptions: readonly OptionSpec[] = [
  {
    name: 'target',
    value: 'COMPETENCY/OPTION/LEVEL',
    description: {
      en: 'the level to reach, e.g. cloud-crm/reseller/gold',
      'zh-TW': '要達成的級別，例如 cloud-crm/reseller/gold',
      'ko-KR': '달성할 등급(예: cloud-crm/reseller/gold)',
    },
  },
  {
    name: 'as-of',
    value: 'DATE',
    description: {
      en: 'plan as of YYYY-MM-DD (default: today)',
      'zh-TW': '以 YYYY-MM-DD 為評估日期擬定計畫（預設：今天）',
      'ko-KR': 'YYYY-MM-DD 기준으로 계획합니다(기본값: 오늘)',
    },
  },
  {
    name: 'max-exams-per-person',
    value: 'N',
    description: {
      en: 'at most N new exams for any one person',
      'zh-TW': '每位人員最多新增 N 項測驗',
      'ko-KR': '한 직원당 새 시험은 최대 N개',
    },
  },
  {
    name: 'exclude',
    value: 'PERSON',
    repeatable: true,
    description: {
      en: 'someone leaving: fills no seat (repeatable)',
      'zh-TW': '即將離開的人員：不填補任何名額（可重複指定）',
      'ko-KR': '떠날 직원: 어떤 자리도 채우지 않습니다(여러 번 지정 가능)',
    },
  },
  {
    name: 'no-hire',
    description: {
      en: 'only the people the organization has',
      'zh-TW': '只用組織現有的人員',
      'ko-KR': '조직의 현재 직원만 씁니다',
    },
  },
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
