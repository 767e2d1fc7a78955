import { isAttainError } from '../../core/attain-error.js';
import { type Day, parseDay } from '../../core/day.js';
import { type Organization, personNames } from '../../engine/organization.js';
import { readOrganizationFile } from '../../importers/read-organization-file.js';
import { evaluateJointly } from '../../planner/evaluate-jointly.js';
import { renderError } from '../../render/render-error.js';
import { renderOutlookText } from '../../render/render-outlook.js';
import { renderEvaluationText } from '../../render/render-text.js';
import { levelOutlook } from '../../service/level-outlook.js';
import { catalogOption, chooseLocale, formatOption, langOption, policyFrom, policyOptions } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { readStoredOrganizations, storedOrgIds, storedOrgOptions } from '../stored-organization.js';

export const evaluateOptions: readonly OptionSpec[] = [
  {
    name: 'as-of',
    value: 'DATE',
    description: {
      en: 'evaluate as of YYYY-MM-DD (default: today)',
      'zh-TW': '以 YYYY-MM-DD 為評估日期（預設：今天）',
      'ko-KR': 'YYYY-MM-DD 기준으로 평가합니다(기본값: 오늘)',
    },
  },
  formatOption,
  {
    name: 'all-ignored',
    description: {
      en: 'list every ignored record in the text report (default: grouped by reason)',
      'zh-TW': '在文字報告中列出每一筆被忽略的記錄（預設：依原因分組）',
      'ko-KR': '텍스트 보고서에 무시된 기록을 모두 나열합니다(기본값: 이유별로 묶음)',
    },
  },
  langOption,
  catalogOption,
  ...policyOptions,
  ...storedOrgOptions,
];

/** `attain evaluate FILE… [--org ID…]`: every competency, option and level for each organization file or stored one. */
export async function evaluateCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, evaluateOptions);
  const ids = storedOrgIds(options);
  if (positionals.length === 0 && ids.length === 0) {
    throw usage('cli.arguments.missing', { command: 'evaluate', usage: 'evaluate FILE... | --org ID' });
  }
  const asOf = dateOption(options['as-of'], 'as-of');
  const catalog = await loadCatalog(options.catalog);
  const locale = chooseLocale(options.lang);
  const policy = policyFrom(options);
  const results: unknown[] = [];
  let refused = 0;
  const stored = await readStoredOrganizations(ids, options, catalog);
  const sources = [...positionals, ...stored];
  for (const source of sources) {
    let organization: Organization;
    try {
      organization = typeof source === 'string' ? await readOrganizationFile(source, catalog) : source;
    } catch (error) {
      // One bad file does not hide the others' evaluations: its error is reported in its place, and the exit status says so.
      if (!isAttainError(error) || sources.length === 1) throw error;
      refused++;
      process.stderr.write(renderError(error, locale));
      results.push({ file: source, error: error.toJSON() });
      continue;
    }
    // Without a cap this is plain `evaluate`; with one, levels are decided together.
    const evaluation = await evaluateJointly(catalog, organization, { ...(asOf === undefined ? {} : { asOf }), policy });
    if (options.format === 'json') results.push(evaluation);
    else {
      const names = personNames(organization);
      const text = { allIgnored: options['all-ignored'] === true };
      write(renderEvaluationText(evaluation, catalog, locale, names, text));
      // What a practice lead reads next: each level's coming change, headroom and next action.
      const outlook = await levelOutlook(catalog, organization, parseDay(evaluation.asOf) as Day, { policy });
      write(renderOutlookText(outlook, evaluation, catalog, locale, names));
    }
  }
  if (options.format === 'json') write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  return refused > 0 ? 2 : 0;
}
