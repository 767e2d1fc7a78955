/**
 * What the whole program's catalog costs (issue 12): `evaluate` under `mpn-2017-program` (18 competencies, 55 levels)
 * against the seeds' `mpn-2017` (2 competencies, 6 levels) on the same organizations, by CPU time of this process
 * (`process.cpuUsage`, which other processes on the machine do not inflate), interleaved, alternating the order.
 * Each organization is measured as generated (its people hold the seeds' exams only, so the program's other pools
 * find nobody), with program credentials added (every person also holds 0–4 of the program's other codes, drawn
 * deterministically, so that those pools match real people), and with the program's other data besides (each
 * customer also credited under another association type, holding a subscription on a program product and consuming
 * Azure every month; devices shipped), so that its metrics count real records. Also the time to load each catalog.
 *
 * `ATTAIN_BENCH_BEFORE=DIR` also runs the compiled code of another checkout (DIR holds its `dist/` and `catalogs/`,
 * and a `node_modules` link), interleaved with this one: an A/B of a change on both catalogs.
 *
 * Run: `npm run build && npx tsx bench/program-catalog-benchmark.ts`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization, mulberry32, type OrganizationDocument } from './generate-organization.js';
import { median, round } from './stats.js';

interface Code {
  readonly label: string;
  readonly parse: typeof import('../src/engine/parse-organization.js');
  readonly evaluate: typeof import('../src/engine/evaluate.js');
  readonly shipped: typeof import('../src/catalog/shipped-catalog.js');
}

async function codeAt(root: string, label: string): Promise<Code> {
  const load = (module: string) => import(pathToFileURL(path.join(root, 'dist', module)).href);
  const [shipped, parse, evaluate] = await Promise.all(
    ['catalog/shipped-catalog.js', 'engine/parse-organization.js', 'engine/evaluate.js'].map(load),
  );
  return { label, shipped, parse, evaluate };
}

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const codes = [await codeAt(ROOT, 'this')];
if (process.env.ATTAIN_BENCH_BEFORE) codes.unshift(await codeAt(process.env.ATTAIN_BENCH_BEFORE, 'before'));
const CATALOGS = ['mpn-2017', 'mpn-2017-program'] as const;

const cpuMs = async (f: () => unknown): Promise<number> => {
  const start = process.cpuUsage();
  await f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
/** Every variant in turn, `runs` times after one warm-up, in an order that rotates from run to run. */
async function interleave(variants: readonly (() => unknown)[], runs: number): Promise<number[]> {
  const times = variants.map(() => [] as number[]);
  for (let run = -1; run < runs; run++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (k + Math.max(run, 0)) % variants.length;
      const ms = await cpuMs(variants[v] as () => unknown);
      if (run >= 0) times[v]?.push(ms);
    }
  }
  return times.map(median);
}

const main = codes.at(-1) as Code;
const loadTimes = await interleave(
  CATALOGS.map((id) => () => main.shipped.loadShippedCatalog(id)),
  21,
);
console.log(
  `catalog load (pre-validated JSON, compiled), CPU: ${CATALOGS.map((id, i) => `${id} ${round(loadTimes[i] as number, 3)} ms`).join(', ')}`,
);

const seedsCatalog = await main.shipped.loadShippedCatalog('mpn-2017');
const programCatalog = await main.shipped.loadShippedCatalog('mpn-2017-program');
const seedKeys = new Set(seedsCatalog.exams.keys());
const programCodes = [...programCatalog.exams.entries()].filter(([key]) => !seedKeys.has(key)).map(([, e]) => e.code);

/** The same organization with 0–4 of the program's other credentials added to each person, passed in 2017. */
function withProgramCredentials(document: OrganizationDocument, seed: number): OrganizationDocument {
  const random = mulberry32(seed);
  return {
    ...document,
    people: document.people.map((person) => {
      const extra = new Set<string>();
      const count = Math.floor(random() * 5);
      while (extra.size < count) extra.add(programCodes[Math.floor(random() * programCodes.length)] as string);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      return { ...person, exams: [...person.exams, ...[...extra].map((exam) => ({ exam, passed: `2017-${month}-15` }))] };
    }),
  };
}

/** Products of the program's metrics, as the catalog's ids. */
const PROGRAM_PRODUCTS = ['office-365', 'office-365-proplus', 'ems', 'intune', 'azure-ad-premium', 'power-bi'];
const OTHER_ASSOCIATIONS = ['transacting-partner', 'delegated-admin', 'fasttrack', 'pal', 'cpor'];

/**
 * The program's other data on top: per customer another association (from a day of 2016–2017), a subscription of
 * 1–300 seats on a program product (one in ten a trial) and twelve months of Azure consumption; one device shipment
 * per hundred revenue records.
 */
function withProgramData(document: OrganizationDocument, seed: number) {
  const random = mulberry32(seed + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const day = (year: number) => `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;
  const customers = document.customers.map((c) => ({
    ...c,
    associations: [{ type: pick(OTHER_ASSOCIATIONS), from: day(2016 + Math.floor(random() * 2)) }],
  }));
  return {
    ...document,
    customers,
    subscriptions: customers.map((c) => ({
      customer: c.id,
      product: pick(PROGRAM_PRODUCTS),
      seats: 1 + Math.floor(random() * 300),
      from: day(2017),
      trial: random() < 0.1,
    })),
    consumption: customers.flatMap((c) =>
      Array.from({ length: 12 }, (_, m) => ({
        customer: c.id,
        date: `${m < 9 ? 2017 : 2018}-${String(((m + 3) % 12) + 1).padStart(2, '0')}-01`,
        amount: (random() * 2000).toFixed(2),
        currency: 'USD',
      })),
    ),
    devices: Array.from({ length: Math.ceil(document.revenue.length / 100) }, () => ({
      product: 'surface-hub',
      date: day(2017),
      units: 1 + Math.floor(random() * 3),
    })),
  };
}

const asOf = Date.UTC(2018, 2, 31) / 86_400_000; // 2018-03-31 as a day number
const SIZES = [
  { people: 5, revenue: 100, seed: 11 },
  { people: 50, revenue: 1_000, seed: 13 },
  { people: 10_000, revenue: 100_000, seed: 42 },
] as const;

const variants = codes.flatMap((code) => CATALOGS.map((id) => ({ code, id })));
console.log(`organization | people hold | ${variants.map((v) => `${v.id} (${v.code.label})`).join(' | ')} | program ÷ seeds`);
for (const size of SIZES) {
  const generated = generateOrganization(size);
  const credentialed = withProgramCredentials(generated, size.seed);
  for (const [label, document] of [
    ['seeds exams only', generated],
    ['+ program credentials', credentialed],
    ['+ program credentials and data', withProgramData(credentialed, size.seed)],
  ] as const) {
    const batch = size.people > 1_000 ? 1 : 50;
    const prepared = await Promise.all(
      variants.map(async ({ code, id }) => {
        const catalog = await code.shipped.loadShippedCatalog(id);
        const organization = code.parse.parseOrganization(document, catalog.currency);
        return () => {
          for (let i = 0; i < batch; i++) code.evaluate.evaluate(catalog, organization, { asOf });
        };
      }),
    );
    const times = (await interleave(prepared, size.people > 1_000 ? 11 : 31)).map((t) => t / batch);
    const ratio = (times.at(-1) as number) / (times.at(-2) as number);
    console.log(
      `${size.people.toLocaleString('en')} people / ${size.revenue.toLocaleString('en')} records | ${label} | ${times.map((t) => `${round(t, 3)} ms`).join(' | ')} | ${round(ratio, 2)}×`,
    );
  }
}
