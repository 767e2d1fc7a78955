import { type Day, parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import type { RawCatalog, RawFormula, RawRequirement } from './catalog-schema.js';
import type { Catalog, Competency, Exam, ExamFormula, Product, Requirement, RequirementPath } from './catalog-types.js';
import { examKey } from './exam-code.js';
import { expandThresholds } from './expand-thresholds.js';

/**
 * Turns a validated raw catalog into the immutable, indexed structure the engine evaluates. It trusts its input:
 * `validateCatalog` (or the build, for the shipped catalogs) has already checked every reference.
 */
export function compileCatalog(raw: RawCatalog): Catalog {
  const exams = new Map<string, Exam>();
  for (const e of raw.exams) {
    const exam: Exam = Object.freeze({
      code: e.code,
      key: examKey(e.code),
      title: Object.freeze({ ...e.title }),
      launched: optionalDay(e.launched),
      retired: optionalDay(e.retired),
      acceptedUntil: optionalDay(e.acceptedUntil),
    });
    exams.set(exam.key, exam);
  }
  const products = new Map<string, Product>();
  const productLookup = new Map<string, Product>();
  for (const p of raw.products) {
    const product: Product = Object.freeze({
      id: p.id,
      aliases: Object.freeze([...p.aliases]),
      name: Object.freeze({ ...p.name }),
      matches: Object.freeze([...p.matches]),
    });
    products.set(product.id, product);
    for (const key of [p.id, ...p.aliases]) productLookup.set(key.toLowerCase(), product);
  }
  const canonicalProduct = (idOrAlias: string): string => productLookup.get(idOrAlias.toLowerCase())?.id ?? idOrAlias;
  const compileFormula = (f: RawFormula): ExamFormula => {
    if (typeof f === 'string') return Object.freeze({ kind: 'exam', code: exams.get(examKey(f))?.code ?? f });
    if ('allOf' in f) return Object.freeze({ kind: 'allOf', items: Object.freeze(f.allOf.map(compileFormula)) });
    return Object.freeze({ kind: 'oneOf', items: Object.freeze(f.oneOf.map(compileFormula)) });
  };
  const compileRequirement = (r: RawRequirement): Requirement => {
    const compilers: { [K in RawRequirement['kind']]: (r: Extract<RawRequirement, { kind: K }>) => Requirement } = {
      revenue: (rev) => ({
        kind: 'revenue',
        id: rev.id,
        name: Object.freeze({ ...rev.name }),
        products: Object.freeze(rev.products.map(canonicalProduct)),
        netNewOnly: rev.netNewOnly,
        thresholds: new Map(Object.entries(expandThresholds(rev.thresholds, raw.markets)).map(([m, v]) => [m, toDecimal(v)])),
      }),
      people: (ppl) => ({
        kind: 'people',
        id: ppl.id,
        name: Object.freeze({ ...ppl.name }),
        pools: Object.freeze(
          ppl.pools.map((pool) =>
            Object.freeze({
              id: pool.id,
              roles: Object.freeze(
                pool.roles.map((role) =>
                  Object.freeze({
                    id: role.id,
                    name: Object.freeze({ ...role.name }),
                    count: role.count,
                    exams: compileFormula(role.exams),
                  }),
                ),
              ),
            }),
          ),
        ),
      }),
      anyOf: (any) => ({
        kind: 'anyOf',
        id: any.id,
        name: Object.freeze({ ...any.name }),
        paths: Object.freeze(
          any.paths.map(
            (path): RequirementPath =>
              Object.freeze({
                id: path.id,
                name: Object.freeze({ ...path.name }),
                requirements: Object.freeze(path.requirements.map(compileRequirement)),
              }),
          ),
        ),
      }),
    };
    const compile = compilers[r.kind] as (r: RawRequirement) => Requirement;
    return Object.freeze(compile(r));
  };
  const competencies: Competency[] = raw.competencies.map((c) =>
    Object.freeze({
      id: c.id,
      name: Object.freeze({ ...c.name }),
      versions: Object.freeze(
        c.versions
          .map((v) =>
            Object.freeze({
              id: v.id,
              effective: optionalDay(v.effective),
              source: v.source ?? null,
              options: Object.freeze(
                v.options.map((o) =>
                  Object.freeze({
                    id: o.id,
                    name: Object.freeze({ ...o.name }),
                    levels: Object.freeze(
                      o.levels.map((l) =>
                        Object.freeze({
                          id: l.id,
                          name: Object.freeze({ ...l.name }),
                          requirements: Object.freeze(l.requirements.map(compileRequirement)),
                        }),
                      ),
                    ),
                  }),
                ),
              ),
            }),
          )
          .sort((a, b) => (a.effective ?? -Infinity) - (b.effective ?? -Infinity)),
      ),
    }),
  );
  return Object.freeze({
    id: raw.id,
    name: Object.freeze({ ...raw.name }),
    locales: Object.freeze([...raw.locales]),
    currency: raw.currency,
    markets: Object.freeze([...raw.markets]),
    policy: Object.freeze({ ...raw.policy }),
    exams,
    products,
    competencies: Object.freeze(competencies),
    errata: Object.freeze(raw.errata.map((e) => Object.freeze({ location: e.location, note: Object.freeze({ ...e.note }) }))),
    findExam: (code: string) => exams.get(examKey(code)),
    findProduct: (idOrAlias: string) => productLookup.get(idOrAlias.toLowerCase()),
  });
}

function optionalDay(text: string | undefined): Day | null {
  return text === undefined ? null : (parseDay(text) ?? null);
}

function toDecimal(value: number | string): Decimal {
  const parsed = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value);
  if (!parsed) throw new Error(`unvalidated threshold ${String(value)}`);
  return parsed;
}
