/**
 * Evaluation speed of two builds on the seeds' catalog, alternating: `tsx bench/compare-evaluation.ts BASE_DIST
 * OTHER_DIST`. One evaluation of the typical organization (50 people, 500 revenue records) repeated, and a
 * evaluation and a three-year forecast of the large one (10,000 people, 100,000 revenue records), each build in turn and first in every other round, eight rounds;
 * medians. For a change that must not slow evaluation (issue 12: association types per requirement).
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateOrganization } from './generate-organization.js';

async function load(dist: string) {
  const at = (m: string) => import(pathToFileURL(path.resolve(dist, m)).href);
  const [evaluate, parse, catalog, day, forecast] = await Promise.all([
    at('engine/evaluate.js'),
    at('engine/parse-organization.js'),
    at('catalog/shipped-catalog.js'),
    at('core/day.js'),
    at('planner/forecast.js'),
  ]);
  const shipped = await catalog.loadShippedCatalog();
  return {
    evaluate: evaluate.evaluate,
    parse: parse.parseOrganization,
    catalog: shipped,
    day: day.parseDay,
    forecast: forecast.forecast,
  };
}

const [baseDist, otherDist] = process.argv.slice(2);
if (!baseDist || !otherDist) throw new Error('usage: compare-evaluation.ts BASE_DIST OTHER_DIST');
const builds = [await load(baseDist), await load(otherDist)];
const typical = generateOrganization({ people: 50, revenue: 500, seed: 1 });
const large = generateOrganization({ people: 10_000, revenue: 100_000, seed: 42 });
/** CPU time of this process in ms: on a shared machine, wall time measures the neighbours as much as the code. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const times = builds.map(() => ({ evaluate: [] as number[], large: [] as number[], forecast: [] as number[] }));
for (let round = 0; round < 8; round++) {
  // Each build goes first in every other round: whichever runs first in a round is not favoured.
  for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
    const b = builds[i] as (typeof builds)[number];
    const asOf = b.day('2018-03-31');
    const org = b.parse(typical, b.catalog.currency);
    const n = 400;
    const mine = times[i] as (typeof times)[number];
    let start = cpu();
    for (let k = 0; k < n; k++) b.evaluate(b.catalog, org, { asOf });
    mine.evaluate.push((cpu() - start) / n);
    const big = b.parse(large, b.catalog.currency);
    start = cpu();
    b.evaluate(b.catalog, big, { asOf });
    mine.large.push(cpu() - start);
    start = cpu();
    await b.forecast(b.catalog, big, asOf, b.day('2021-03-31'));
    mine.forecast.push(cpu() - start);
  }
}
for (const [i, t] of times.entries()) {
  console.log(
    `${i === 0 ? 'base' : 'other'}: evaluate typical ${median(t.evaluate).toFixed(3)} ms (${Math.round(1000 / median(t.evaluate))}/s), evaluate large ${Math.round(median(t.large))} ms, forecast 3 years large ${Math.round(median(t.forecast))} ms (CPU time)`,
  );
}
