import { type Day, dayOf, parseDay } from '../../core/day.js';
import { readOrganizationFile } from '../../importers/read-organization-file.js';
import { forecast } from '../../planner/forecast.js';
import { planLevel } from '../../planner/plan-level.js';
import { FORECAST_MESSAGES } from '../../render/forecast-messages.js';
import { Formatter } from '../../render/formatter.js';
import { describeCauses, renderForecastText } from '../../render/render-forecast.js';
import { renderPlanText } from '../../render/render-plan.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs, usage } from '../parse-args.js';

export const forecastOptions: readonly OptionSpec[] = [
  { name: 'from', value: 'DATE', description: 'start of the forecast (default: today)' },
  { name: 'to', value: 'DATE', description: 'end of the forecast (default: 18 months after --from)' },
  { name: 'at-risk', value: 'DAYS', description: 'levels lost within DAYS of --from, and the plan that would keep each' },
  formatOption,
  langOption,
  catalogOption,
];

/** `attain forecast FILE --from D1 --to D2`: every day a level is gained or lost, and why. */
export async function forecastCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, forecastOptions);
  const file = positionals[0];
  if (!file) throw usage('forecast needs an organization file: attain forecast FILE --from DATE --to DATE');
  const from = dateOption(options.from, 'from') ?? dayOf(new Date());
  const riskDays = options['at-risk'] === undefined ? null : Number(options['at-risk']);
  if (riskDays !== null && !(Number.isInteger(riskDays) && riskDays > 0)) throw usage('--at-risk must be a whole number of days');
  const to = riskDays !== null ? from + riskDays : (dateOption(options.to, 'to') ?? from + 548);
  if (to <= from) throw usage('--to must be after --from');
  const catalog = await loadCatalog(options.catalog);
  const organization = await readOrganizationFile(file, catalog.currency);
  const locale = chooseLocale(options.lang);
  const f = new Formatter(locale, catalog);
  const result = forecast(catalog, organization, from, to);
  const withText = { ...result, changes: result.changes.map((c) => ({ ...c, cause: describeCauses(c, f, locale) })) };
  if (riskDays === null) {
    write(options.format === 'json' ? `${JSON.stringify(withText, null, 2)}\n` : renderForecastText(result, catalog, locale));
    return 0;
  }
  const losses = withText.changes.filter(
    (c) =>
      !c.attained &&
      result.start.some((s) => s.competency === c.competency && s.option === c.option && s.level === c.level && s.attained),
  );
  const firstLoss = losses.filter(
    (c, i) => losses.findIndex((o) => o.competency === c.competency && o.option === c.option && o.level === c.level) === i,
  );
  const atRisk = await Promise.all(
    firstLoss.map(async (loss) => ({
      ...loss,
      plan: await planLevel(catalog, organization, `${loss.competency}/${loss.option}/${loss.level}`, {
        asOf: parseDay(loss.date) as Day,
      }),
    })),
  );
  if (options.format === 'json') {
    write(`${JSON.stringify({ from: result.from, to: result.to, atRisk }, null, 2)}\n`);
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
