import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawCatalog, RawFormula } from '../src/catalog/catalog-schema.js';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { catalogSource } from '../src/cli/load-catalog-option.js';
import { ASSOCIATION_TYPES } from '../src/engine/organization.js';
import { evaluate, loadShippedCatalog, parseDay, readOrganizationFile, validateCatalog } from '../src/index.js';
import { forecast } from '../src/planner/forecast.js';
import { runCli } from './run-cli.js';

/**
 * The shipped catalog of the whole 2017 program (catalogs/mpn-2017-program.yaml) and the pieces that wait for new
 * requirement shapes (catalogs/mpn-2017-program.pending.yaml): every competency of the program is in one of them,
 * and the seeds' two competencies mean exactly what they mean in the seeds' catalog.
 */

/** The eighteen competencies of late 2017 as ../shared/reference/program.md lists them, with their options. */
const PROGRAM: readonly { readonly name: string; readonly id: string; readonly options: readonly string[] }[] = [
  { name: 'Application Development', id: 'application-development', options: ['application-builder'] },
  { name: 'Application Integration', id: 'application-integration', options: ['application-integrator'] },
  {
    name: 'Cloud Business Applications',
    id: 'cloud-business-applications',
    options: ['enterprise-customer-engagement', 'enterprise-operations'],
  },
  { name: 'Cloud Customer Relationship Management', id: 'cloud-crm', options: ['reseller'] },
  { name: 'Cloud Platform', id: 'cloud-platform', options: ['azure-consumption'] },
  { name: 'Cloud Productivity', id: 'cloud-productivity', options: ['managed-service-partner'] },
  { name: 'Collaboration and Content', id: 'collaboration-and-content', options: ['sharepoint-services-partner'] },
  { name: 'Communications', id: 'communications', options: ['systems-integrator'] },
  { name: 'Data Analytics', id: 'data-analytics', options: ['specialist', 'beginners', 'power-bi'] },
  { name: 'Data Platform', id: 'data-platform', options: ['big-data', 'sql-server-specialist'] },
  { name: 'Datacenter', id: 'datacenter', options: ['datacenter-solutions'] },
  { name: 'DevOps', id: 'devops', options: ['devops-partner'] },
  {
    name: 'Enterprise Mobility Management',
    id: 'enterprise-mobility-management',
    options: ['enterprise-partner', 'smb-partner'],
  },
  { name: 'Enterprise Resource Planning', id: 'enterprise-resource-planning', options: ['erp-reseller'] },
  { name: 'Messaging', id: 'messaging', options: ['hybrid-services-partner'] },
  {
    name: 'Project and Portfolio Management',
    id: 'project-and-portfolio-management',
    options: ['project-and-portfolio-partner'],
  },
  { name: 'Small and Midmarket Cloud Solutions', id: 'small-and-midmarket-cloud-solutions', options: ['office-365-services'] },
  { name: 'Windows and Devices', id: 'windows-and-devices', options: ['service-partner', 'device-partner', 'surface-hub'] },
];
const SEEDS = ['cloud-crm', 'cloud-business-applications'];

type Json = Record<string, unknown>;
interface Pending {
  readonly credentialTypes: Readonly<Record<string, readonly string[]>>;
  readonly ofWhom: readonly { readonly at: string; readonly replaces: readonly string[]; readonly role: Json }[];
  readonly options: readonly { readonly at: string; readonly option: Json }[];
  readonly competencies: readonly Json[];
}

const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));
const validated = (document: unknown): RawCatalog => {
  const result = validateCatalog(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
  return result.catalog;
};
const seedsDocument = read(shippedCatalogSource('mpn-2017'));
const programDocument = read(shippedCatalogSource('mpn-2017-program')) as Json;
const pending = read(fileURLToPath(new URL('../catalogs/mpn-2017-program.pending.yaml', import.meta.url))) as Pending;
const seeds = validated(seedsDocument);
const program = validated(programDocument);

describe('the shipped catalog of the whole 2017 program', () => {
  it('holds every competency and option of the program, here or in the pending file', () => {
    const options = (competency: { versions: readonly { options: readonly { id: string }[] }[] }) =>
      competency.versions.flatMap((v) => v.options.map((o) => o.id));
    const found = new Map<string, Set<string>>();
    const add = (id: string, ids: readonly string[]) => found.set(id, new Set([...(found.get(id) ?? []), ...ids]));
    for (const c of program.competencies) add(c.id, options(c));
    for (const c of pending.competencies as unknown as RawCatalog['competencies']) add(c.id, options(c));
    for (const o of pending.options) add(String(o.at.split('@')[0]), [String(o.option.id)]);

    expect([...found.keys()].sort()).toEqual(PROGRAM.map((c) => c.id).sort());
    for (const c of PROGRAM) expect([...(found.get(c.id) ?? [])].sort(), c.id).toEqual([...c.options].sort());
    for (const c of program.competencies) {
      const known = PROGRAM.find((p) => p.id === c.id);
      expect(c.name.en?.startsWith(known?.name ?? '?'), c.id).toBe(true);
    }
  });

  it("keeps the seeds' two competencies, policy, markets and every exam, product and erratum of the seeds unchanged", () => {
    for (const id of SEEDS) {
      expect(program.competencies.find((c) => c.id === id)).toEqual(seeds.competencies.find((c) => c.id === id));
    }
    for (const exam of seeds.exams) expect(program.exams.find((e) => e.code === exam.code)).toEqual(exam);
    for (const product of seeds.products) expect(program.products.find((p) => p.id === product.id)).toEqual(product);
    for (const erratum of seeds.errata) expect(program.errata).toContainEqual(erratum);
    expect([program.policy, program.markets, program.currency, program.locales]).toEqual([
      seeds.policy,
      seeds.markets,
      seeds.currency,
      seeds.locales,
    ]);
    // No new product may claim an export name the seeds' products match: revenue would move between products.
    const seedNames = new Set(seeds.products.flatMap((p) => p.matches.map((m) => m.toLowerCase())));
    const added = program.products.filter((p) => !seeds.products.some((s) => s.id === p.id));
    for (const p of added) for (const m of p.matches) expect(seedNames.has(m.toLowerCase()), `${p.id}: ${m}`).toBe(false);
  });

  const examples = ['contoso-dynamics.json', 'fabrikam-ops.yaml'].map(
    (name) => [name, fileURLToPath(new URL(`../examples/${name}`, import.meta.url))] as const,
  );
  const ofSeeds = <T extends { competency: string }>(results: readonly T[]) =>
    results.filter((r) => SEEDS.includes(r.competency));

  it.each(examples)(
    "evaluates and forecasts %s for the seeds' competencies exactly as the seeds' catalog does",
    async (_, file) => {
      const [seedsCatalog, programCatalog] = await Promise.all([
        loadShippedCatalog('mpn-2017'),
        loadShippedCatalog('mpn-2017-program'),
      ]);
      const organization = await readOrganizationFile(file);
      for (const asOf of ['2017-07-01', '2017-12-31', '2018-03-31', '2019-01-01', '2019-06-30']) {
        const day = parseDay(asOf) as number;
        const [underSeeds, underProgram] = await Promise.all([
          evaluate(seedsCatalog, organization, { asOf: day }),
          evaluate(programCatalog, organization, { asOf: day }),
        ]);
        expect(ofSeeds(underSeeds.results).length, asOf).toBe(underSeeds.results.length);
        expect(ofSeeds(underProgram.results), asOf).toEqual(underSeeds.results);
        // The program's other competencies are evaluated too, not silently dropped.
        expect(underProgram.results.length).toBeGreaterThan(underSeeds.results.length);
      }
      const from = parseDay('2017-06-01') as number;
      const to = parseDay('2019-12-31') as number;
      const [seedsForecast, programForecast] = await Promise.all([
        forecast(seedsCatalog, organization, from, to),
        forecast(programCatalog, organization, from, to),
      ]);
      expect(ofSeeds(programForecast.start)).toEqual(seedsForecast.start);
      expect(ofSeeds(programForecast.changes)).toEqual(seedsForecast.changes);
    },
  );

  it('is named by its id for every command, the server and its worker threads included; a path stays a file', () => {
    expect(catalogSource(undefined)).toEqual({ shipped: 'mpn-2017' });
    expect(catalogSource('mpn-2017-program')).toEqual({ shipped: 'mpn-2017-program' });
    const file = shippedCatalogSource('mpn-2017-program');
    expect(catalogSource(file)).toEqual({ file });
    expect(catalogSource('no-such-catalog.yaml')).toMatchObject({ file: expect.stringMatching(/\/no-such-catalog\.yaml$/) });
  });

  it('is named by its id on the command line, and gives the same standings there', async () => {
    const args = ['evaluate', examples[1]?.[1] as string, '--as-of', '2018-03-31', '--format', 'json'];
    const [bySeeds, byProgram] = await Promise.all([runCli(args), runCli([...args, '--catalog', 'mpn-2017-program'])]);
    expect(byProgram.status, byProgram.stderr).toBe(0);
    const seedsResults = JSON.parse(bySeeds.stdout).results;
    const programJson = JSON.parse(byProgram.stdout);
    expect(programJson.catalog).toMatchObject({ id: 'mpn-2017-program' });
    expect(ofSeeds(programJson.results)).toEqual(seedsResults);
    expect(programJson.results.map((r: { competency: string }) => r.competency)).toContain('devops');
  });
});

/** Every exam code a formula names. */
function codesOf(formula: RawFormula): string[] {
  if (typeof formula === 'string') return [formula];
  return ('allOf' in formula ? formula.allOf : formula.oneOf).flatMap(codesOf);
}

/** `competency@version/option/level/requirement/pool` in the program catalog, or undefined. */
function poolAt(at: string) {
  const [competencyAtVersion, option, level, requirement, pool] = at.split('/');
  const [competency, version] = (competencyAtVersion ?? '').split('@');
  const found = program.competencies
    .find((c) => c.id === competency)
    ?.versions.find((v) => v.id === version)
    ?.options.find((o) => o.id === option)
    ?.levels.find((l) => l.id === level)
    ?.requirements.find((r) => r.id === requirement);
  return found?.kind === 'people' ? found.pools.find((p) => p.id === pool) : undefined;
}

describe('the pending pieces of the program', () => {
  const registered = new Set(program.exams.map((e) => e.code));

  it('type every credential of the registry that is not an exam, and only registered ones', () => {
    const typed = Object.values(pending.credentialTypes).flat();
    for (const code of typed) expect(registered.has(code), code).toBe(true);
    const notExams = [...registered].filter((code) => !/^(70|74|MB\d)-\d{3}$/.test(code));
    expect([...typed].sort()).toEqual(notExams.sort());
  });

  it('state each "k of the same N" as one role with the same counts and credentials as the two roles it replaces', () => {
    for (const { at, replaces, role } of pending.ofWhom) {
      const pool = poolAt(at);
      expect(pool, at).toBeDefined();
      // Of the two roles, the one that asks for more credentials is the "k of them" one.
      const [plain, withExtra] = replaces
        .map((id) => pool?.roles.find((r) => r.id === id))
        .sort((a, b) => (a ? codesOf(a.exams).length : 0) - (b ? codesOf(b.exams).length : 0));
      expect(withExtra && plain, `${at}: ${replaces.join(', ')}`).toBeTruthy();
      if (!withExtra || !plain) continue;
      expect(role.count, at).toBe(withExtra.count + plain.count);
      expect((role.ofWhom as { count: number }).count, at).toBe(withExtra.count);
      // Silver states the credentials; Gold inherits them and states only the counts.
      const exams = role.exams as RawFormula | undefined;
      const extra = (role.ofWhom as { exams?: RawFormula }).exams;
      if (exams !== undefined) expect(codesOf(exams).sort(), at).toEqual(codesOf(plain.exams).sort());
      if (exams !== undefined && extra !== undefined) {
        expect([...codesOf(exams), ...codesOf(extra)].sort(), at).toEqual(codesOf(withExtra.exams).sort());
      }
    }
  });

  it('would validate in the program catalog, reading each metric as revenue and dropping association types', () => {
    // Until the metric kind and association types land, this checks everything else: exam codes, product ids,
    // thresholds per market, names in three languages, ids, and levels that extend others.
    const standIn = (r: Json): Json => {
      const { associations: _associations, metric: _metric, ...rest } = r;
      return r.kind === 'metric' ? { ...rest, kind: 'revenue', netNewOnly: false } : rest;
    };
    const requirementsOf = (level: Json): Json => ({
      ...level,
      requirements: (level.requirements as Json[] | undefined)?.map(standIn),
    });
    const optionOf = (option: Json): Json => ({ ...option, levels: (option.levels as Json[]).map(requirementsOf) });
    const competencyOf = (competency: Json): Json => ({
      ...competency,
      versions: (competency.versions as Json[]).map((v) => ({ ...v, options: (v.options as Json[]).map(optionOf) })),
    });
    const competencies = (programDocument.competencies as Json[]).map((competency) => ({
      ...competency,
      versions: (competency.versions as Json[]).map((version) => {
        const added = pending.options.filter((o) => o.at === `${competency.id}@${version.id}`).map((o) => optionOf(o.option));
        return { ...version, options: [...(version.options as Json[]), ...added] };
      }),
    }));
    const merged = { ...programDocument, competencies: [...competencies, ...pending.competencies.map(competencyOf)] };
    const result = validateCatalog(merged);
    expect(result.ok ? [] : result.issues).toEqual([]);
    // Every option found a version to join.
    for (const o of pending.options) {
      const [competency, version] = o.at.split('@');
      expect(
        program.competencies.find((c) => c.id === competency)?.versions.some((v) => v.id === version),
        o.at,
      ).toBe(true);
    }
    // The metric requirements say what they count, and accept only association types the organization format knows.
    const metrics: Json[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        if ((value as Json).kind === 'metric') metrics.push(value as Json);
        Object.values(value).forEach(walk);
      }
    };
    walk(pending);
    expect(metrics.length).toBe(9);
    for (const m of metrics) {
      expect(['active-entitlements', 'new-customers', 'consumption', 'devices-shipped'], String(m.id)).toContain(m.metric);
      for (const type of (m.associations as string[] | undefined) ?? []) expect(ASSOCIATION_TYPES).toContain(type);
    }
  });
});
