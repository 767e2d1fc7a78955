import { type Day, parseDay } from '../core/day.js';
import type { CompileTools } from '../kinds/catalog-kind.js';
import { compileRequirement } from '../kinds/catalog-kinds.js';
import type { RawCatalog, RawFormula } from './catalog-schema.js';
import type { Catalog, Competency, Exam, ExamFormula, Product } from './catalog-types.js';
import { examKey } from './exam-code.js';

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
      type: e.type ?? 'exam',
      validForMonths: e.validForMonths ?? null,
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
    if (typeof f === 'string') {
      const exam = exams.get(examKey(f));
      const credential = exam && exam.type !== 'exam' ? exam.type : undefined;
      return Object.freeze({ kind: 'exam', code: exam?.code ?? f, ...(credential && { credential }) });
    }
    if ('allOf' in f) return Object.freeze({ kind: 'allOf', items: Object.freeze(f.allOf.map(compileFormula)) });
    return Object.freeze({ kind: 'oneOf', items: Object.freeze(f.oneOf.map(compileFormula)) });
  };
  // Each kind compiles its own form (in its folder under `kinds/`); these are what it may ask of the catalog.
  const tools: CompileTools = {
    markets: raw.markets,
    canonicalProduct,
    formula: compileFormula,
    requirement: (r) => compileRequirement(r, tools),
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
                          requirements: Object.freeze(l.requirements.map(tools.requirement)),
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
