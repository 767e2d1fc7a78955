import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawCatalog, RawFormula, RawThresholds } from '../src/catalog/catalog-schema.js';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { catalogSource } from '../src/cli/load-catalog-option.js';
import { ASSOCIATION_TYPES } from '../src/engine/organization.js';
import { evaluate, loadShippedCatalog, parseDay, readOrganizationFile, validateCatalog } from '../src/index.js';
import { forecast } from '../src/planner/forecast.js';
import { runCli } from './run-cli.js';

/**
 * The shipped catalog of the whole 2017 program (catalogs/mpn-2017-program.yaml): every competency and option of the
 * program is in it, stated in the kinds that say what the pages say, and the seeds' two competencies mean exactly
 * what they mean in the seeds' catalog.
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

const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));
const validated = (document: unknown): RawCatalog => {
  const result = validateCatalog(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
  return result.catalog;
};
const seedsDocument = read(shippedCatalogSource('mpn-2017'));
const programDocument = read(shippedCatalogSource('mpn-2017-program'));
const seeds = validated(seedsDocument);
const program = validated(programDocument);

describe('the shipped catalog of the whole 2017 program', () => {
  it('holds every competency and option of the program', () => {
    const options = (competency: { versions: readonly { options: readonly { id: string }[] }[] }) =>
      competency.versions.flatMap((v) => v.options.map((o) => o.id));
    const found = new Map<string, Set<string>>();
    const add = (id: string, ids: readonly string[]) => found.set(id, new Set([...(found.get(id) ?? []), ...ids]));
    for (const c of program.competencies) add(c.id, options(c));

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

type RawRequirementOf<K extends string> = Extract<
  RawCatalog['competencies'][number]['versions'][number]['options'][number]['levels'][number]['requirements'][number],
  { kind: K }
>;

/** Every requirement of a kind in the program catalog, with where it is (`competency@version/option/level`). */
function requirementsOf<K extends 'revenue' | 'metric' | 'people'>(kind: K) {
  return program.competencies.flatMap((c) =>
    c.versions.flatMap((v) =>
      v.options.flatMap((o) =>
        o.levels.flatMap((l) =>
          l.requirements
            .filter((r): r is RawRequirementOf<K> => r.kind === kind)
            .map((requirement) => ({ at: `${c.id}@${v.id}/${o.id}/${l.id}`, requirement })),
        ),
      ),
    ),
  );
}

/** Validation writes a threshold per market; one figure for both reads as `{ all }`. */
function onceIfSame(thresholds: RawThresholds): RawThresholds {
  if (typeof thresholds !== 'object') return thresholds;
  return thresholds.developed === thresholds.developing ? { all: thresholds.developed as number } : thresholds;
}

describe('the program catalog in the real shapes', () => {
  it('types every credential of the registry that is not an exam: assessments and certifications', () => {
    for (const exam of program.exams) {
      const expected = /^(70|74|MB\d)-\d{3}$/.test(exam.code)
        ? undefined
        : exam.code.startsWith('ASSESS-')
          ? 'assessment'
          : 'certification';
      expect(exam.type, exam.code).toBe(expected);
    }
    const certifications = program.exams.filter((e) => e.type === 'certification').map((e) => e.code);
    expect(certifications).toEqual(expect.arrayContaining(['MCSA-O365', 'MCSE-PRODUCTIVITY', 'PMI-ACP', 'PSM-I', 'SA-CSM']));
  });

  it('states each "k of the same N" of the pages as one role', () => {
    const rolesAt = (at: string) =>
      requirementsOf('people')
        .filter((r) => r.at === at)
        .flatMap((r) => r.requirement.pools.flatMap((p) => p.roles));
    const kOfN = (at: string) =>
      rolesAt(at).map((r) => [r.count, r.ofWhom?.count ?? null, r.ofWhom ? codesOf(r.ofWhom.exams).sort() : null]);
    const agile = ['70-497', 'PMI-ACP', 'PSM-I', 'SA-CSM'];
    expect(kOfN('devops@2017-07/devops-partner/silver')).toEqual([[2, 1, agile]]);
    expect(kOfN('devops@2017-07/devops-partner/gold')).toEqual([[4, 2, agile]]);
    expect(kOfN('communications@2017-11/systems-integrator/silver')).toEqual([[2, 1, ['ASSESS-VOICE-FRAMEWORK']]]);
    expect(kOfN('communications@2017-11/systems-integrator/gold')).toEqual([[4, 2, ['ASSESS-VOICE-FRAMEWORK']]]);
    expect(kOfN('project-and-portfolio-management@2017-07/project-and-portfolio-partner/silver')).toEqual([[2, null, null]]);
    expect(kOfN('project-and-portfolio-management@2017-07/project-and-portfolio-partner/gold')).toEqual([[4, 2, ['70-339']]]);
  });

  it('counts what the pages count, under the association types they name', () => {
    const metrics = requirementsOf('metric').map(({ at, requirement: r }) => [
      at,
      r.measure,
      r.associations.join(' '),
      // The same figure in both markets reads as the page writes it, once.
      onceIfSame(r.thresholds),
    ]);
    expect(metrics).toEqual([
      [
        'cloud-platform@2017-11/azure-consumption/silver',
        'azure-consumption',
        'dpor transacting-partner',
        { developed: 15000, developing: 10000 },
      ],
      ['cloud-platform@2017-11/azure-consumption/gold', 'azure-consumption', 'dpor transacting-partner', { all: 100000 }],
      ...['silver', 'gold'].map((level) => [
        `cloud-productivity@2017-07/managed-service-partner/${level}`,
        'active-entitlements',
        'delegated-admin transacting-partner dpor fasttrack',
        level === 'silver' ? { developed: 2000, developing: 1000 } : { all: 4000 },
      ]),
      ...['data-analytics@2017-07/power-bi/silver', 'data-analytics@2017-07/power-bi/gold'].map((at, i) => [
        at,
        'active-entitlements',
        'dpor',
        { all: [250, 1000][i] },
      ]),
      ...[
        ['enterprise-partner', 'silver', 3, 500],
        ['enterprise-partner', 'gold', 5, 4000],
        ['smb-partner', 'silver', 20, 125],
        ['smb-partner', 'gold', 5, 4000],
      ].flatMap(([option, level, customers, seats]) =>
        [
          ['new-customers', customers],
          ['active-entitlements', seats],
        ].map(([measure, all]) => [
          `enterprise-mobility-management@2017-07/${option}/${level}`,
          measure,
          'delegated-admin transacting-partner fasttrack dpor',
          { all },
        ]),
      ),
      ...[
        ['silver', 4],
        ['gold', 25],
      ].map(([level, all]) => [
        `small-and-midmarket-cloud-solutions@2017-11/office-365-services/${level}`,
        'new-customers',
        'delegated-admin transacting-partner dpor',
        { all },
      ]),
      ...[
        ['silver', 12],
        ['gold', 52],
      ].map(([level, all]) => [`windows-and-devices@2017-10/surface-hub/${level}`, 'devices-shipped', 'dpor', { all }]),
    ]);
    // Revenue: the seeds' tests keep DPOR alone; ERP's gross licence revenue is every sale under any association.
    for (const { at, requirement } of requirementsOf('revenue')) {
      if (at.startsWith('enterprise-resource-planning')) {
        expect(requirement.netNewOnly, at).toBe(false);
        expect([...requirement.associations].sort(), at).toEqual([...ASSOCIATION_TYPES].sort());
      } else expect(requirement.associations, at).toEqual(['dpor']);
    }
    // ERP's December 2017 page keeps Gold alone.
    const erp = program.competencies.find((c) => c.id === 'enterprise-resource-planning');
    expect(erp?.versions.map((v) => v.options.flatMap((o) => o.levels.map((l) => l.id)))).toEqual([['silver', 'gold'], ['gold']]);
  });
});
