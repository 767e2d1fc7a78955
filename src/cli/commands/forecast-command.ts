import { dayOf, formatDay } from '../../core/day.js';
import { FORECAST_MESSAGES } from '../../render/forecast-messages.js';
import { Formatter } from '../../render/formatter.js';
import { renderForecastText } from '../../render/render-forecast.js';
import { renderPlanText } from '../../render/render-plan.js';
import { forecastRange } from '../../service/forecast-range.js';
import { atRiskReport, forecastReport } from '../../service/forecast-report.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { readOneOrganization, storedOrgOptions } from '../stored-organization.js';

export const forecastOptions: readonly OptionSpec[] = [
  {
    name: 'from',
    value: 'DATE',
    description: {
      en: 'start of the forecast (default: today)',
      'zh-TW': '預測的開始日期（預設：今天）',
      'ko-KR': '예측 시작일(기본값: 오늘)',
    },
  },
  {
    name: 'to',
    value: 'DATE',
    description: {
      en: 'end of the forecast (default: 18 months after --from)',
      'zh-TW': '預測的結束日期（預設：--from 之後 18 個月）',
      'ko-KR': '예측 종료일(기본값: --from부터 18개월 뒤)',
    },
  },
  {
    name: 'at-risk',
    value: 'DAYS',
    description: {
      en: 'levels lost within DAYS of --from, and the plan that would keep each',
      'zh-TW': '在 --from 之後 DAYS 天內會失去的級別，以及保住各級別的計畫',
      'ko-KR': '--from부터 DAYS일 안에 상실될 등급과 각 등급을 지킬 계획',
    },
  },
  formatOption,
  langOption,
  catalogOption,
  ...storedOrgOptions,
];

/** `attain forecast FILE --from D1 --to D2`: every day a level is gained or lost, and why. */
export async function forecastCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, forecastOptions);
  const file = positionals[0];
  if (!file && options.org === undefined) {
    throw usage('cli.arguments.missing', { command: 'forecast', usage: 'forecast FILE|--org ID [--from DATE] [--to DATE]' });
  }
  const riskDays = options['at-risk'] === undefined ? null : Number(options['at-risk']);
  if (riskDays !== null && !(Number.isInteger(riskDays) && riskDays > 0))
    throw usage('cli.option.number', { option: 'at-risk', value: String(options['at-risk']), min: 1, unit: 'days' });
  const toOption = dateOption(options.to, 'to');
  const { from, to } = forecastRange(
    dateOption(options.from, 'from') ?? dayOf(new Date()),
    riskDays !== null ? { atRiskDays: riskDays } : toOption !== undefined ? { to: toOption } : {},
  );
  const catalog = await loadCatalog(options.catalog);
  const organization = await readOneOrganization(file, options, catalog);
  const locale = chooseLocale(options.lang);
  const f = new Formatter(locale, catalog);
  const range = { from, to };
  if (riskDays === null) {
    const { result, report } = await forecastReport(catalog, organization, range, locale);
    write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderForecastText(result, catalog, locale));
    return 0;
  }
  const { atRisk } = await atRiskReport(catalog, organization, range, locale);
  if (options.format === 'json') {
    write(`${JSON.stringify({ from: formatDay(from), to: formatDay(to), atRisk }, null, 2)}\n`);
    return 0;
  }
  const m = FORECAST_MESSAGES[locale];
  const out = [m.atRiskTitle(riskDays), ''];
  if (atRisk.length === 0) out.push(m.noRisk);
  for (const risk of atRisk) {
    out.push(`${m.lostOn(risk.plan.target, f.date(risk.date))} — ${risk.cause}`, m.toKeep);
    out.push(renderPlanText(risk.plan, catalog, locale).replace(/^/gm, '    ').trimEnd(), '');
  }
  write(`${out.join('\n')}\n`);
  return 0;
}
