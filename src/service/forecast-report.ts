import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { type Day, parseDay } from '../core/day.js';
import type { Locale } from '../core/localized.js';
import type { Organization } from '../engine/organization.js';
import { type Forecast, type ForecastChange, forecast } from '../planner/forecast.js';
import { planLevel } from '../planner/plan-level.js';
import type { Plan } from '../planner/plan-types.js';
import { Formatter } from '../render/formatter.js';
import { describeCauses } from '../render/render-forecast.js';

/** A forecast change with its causes described in words, as the CLI's and the API's JSON carry it. */
export type DescribedChange = ForecastChange & { readonly cause: string };

export interface ForecastReport extends Omit<Forecast, 'changes'> {
  readonly changes: readonly DescribedChange[];
}

export interface AtRiskReport {
  readonly from: string;
  readonly to: string;
  /**
   * Each level held on `from` and lost by `to`, first loss only, with the plan that would keep it. A level that a
   * catalog version drops is not at risk in this sense: no plan keeps it.
   */
  readonly atRisk: readonly (DescribedChange & { readonly plan: Plan })[];
}

/** The forecast with its causes in words; shared by `attain forecast` and `GET /api/orgs/{id}/forecast`. */
export async function forecastReport(
  catalog: Catalog,
  organization: Organization,
  range: { readonly from: Day; readonly to: Day },
  locale: Locale,
  policy: Partial<ProgramPolicy> = {},
): Promise<{ readonly result: Forecast; readonly report: ForecastReport }> {
  const f = new Formatter(locale, catalog);
  const result = await forecast(catalog, organization, range.from, range.to, policy);
  return { result, report: { ...result, changes: result.changes.map((c) => ({ ...c, cause: describeCauses(c, f, locale) })) } };
}

/** Levels held on `from` that will be lost by `to`, each with the plan for the day before it is lost. */
export async function atRiskReport(
  catalog: Catalog,
  organization: Organization,
  range: { readonly from: Day; readonly to: Day },
  locale: Locale,
  policy: Partial<ProgramPolicy> = {},
): Promise<AtRiskReport> {
  const { result, report } = await forecastReport(catalog, organization, range, locale, policy);
  const held = (c: DescribedChange) =>
    result.start.some((s) => s.competency === c.competency && s.option === c.option && s.level === c.level && s.attained);
  const losses = report.changes.filter((c) => !c.attained && c.existence !== 'ends' && held(c));
  const firstLoss = losses.filter(
    (c, i) => losses.findIndex((o) => o.competency === c.competency && o.option === c.option && o.level === c.level) === i,
  );
  const atRisk = await Promise.all(
    firstLoss.map(async (loss) => ({
      ...loss,
      plan: await planLevel(catalog, organization, `${loss.competency}/${loss.option}/${loss.level}`, {
        asOf: parseDay(loss.date) as Day,
        policy,
      }),
    })),
  );
  return { from: result.from, to: result.to, atRisk };
}
