import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../src/catalog/catalog-types.js';
import { compileCatalog } from '../../src/catalog/compile-catalog.js';
import { parseDay } from '../../src/core/day.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluation-types.js';
import type { Organization } from '../../src/engine/organization.js';
import { parseOrganization } from '../../src/engine/parse-organization.js';
import { forecast } from '../../src/planner/forecast.js';
import { planLevel } from '../../src/planner/plan-level.js';
import type { Plan } from '../../src/planner/plan-types.js';
import { CATALOG, SEEDS } from './paths.js';

/** The shipped catalog, compiled from the build's JSON as the dashboard compiles `GET /api/catalog`. */
export const catalog: Catalog = compileCatalog(JSON.parse(readFileSync(CATALOG, 'utf8')));

function readOrg(file: string): Organization {
  const text = readFileSync(file, 'utf8');
  return parseOrganization(file.endsWith('.json') ? JSON.parse(text) : parseYaml(text), catalog.currency, file);
}

export const contoso = readOrg(SEEDS[0] as string);
export const fabrikam = readOrg(SEEDS[1] as string);

/** The evaluation JSON exactly as the API serves it (a JSON round trip, as over HTTP). */
export function evaluationOf(org: Organization, asOf: string): Evaluation {
  return JSON.parse(JSON.stringify(evaluate(catalog, org, { asOf: parseDay(asOf) as number })));
}

export async function planOf(org: Organization, target: string, asOf: string, exclude: string[] = []): Promise<Plan> {
  return JSON.parse(JSON.stringify(await planLevel(catalog, org, target, { asOf: parseDay(asOf) as number, exclude })));
}

export async function forecastOf(org: Organization, from: string, to: string) {
  return JSON.parse(JSON.stringify(await forecast(catalog, org, parseDay(from) as number, parseDay(to) as number)));
}
