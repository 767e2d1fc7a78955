import type { Catalog, Level, Requirement } from '../catalog/catalog-types.js';
import { parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { type Locale, pick } from '../core/localized.js';
import { branchOf } from '../kinds/catalog-kinds.js';

/**
 * The forms of a counted phrase by CLDR plural category, `#` standing for the number. English needs `one` and
 * `other`; Chinese and Korean have only `other`.
 */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<Intl.LDMLPluralRule, string>>>;

/** Locale-aware formatting of the things reports mention: money, dates, lists, and catalog names. */
export class Formatter {
  private readonly moneyFormats = new Map<string, Intl.NumberFormat>();
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly andList: Intl.ListFormat;
  private readonly orList: Intl.ListFormat;
  private readonly integer: Intl.NumberFormat;
  private readonly pluralRules: Intl.PluralRules;

  constructor(
    readonly locale: Locale,
    readonly catalog: Catalog | undefined,
    private readonly personNames: ReadonlyMap<string, string> = new Map(),
  ) {
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.andList = new Intl.ListFormat(locale, { type: 'conjunction' });
    this.orList = new Intl.ListFormat(locale, { type: 'disjunction' });
    this.integer = new Intl.NumberFormat(locale);
    this.pluralRules = new Intl.PluralRules(locale);
  }

  /** An exact decimal amount as money, rounded to cents only for display. */
  money(amount: string | null | undefined, currency = this.catalog?.currency ?? 'USD'): string {
    let format = this.moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, { style: 'currency', currency });
      this.moneyFormats.set(currency, format);
    }
    const value = Decimal.parse(amount ?? '0') ?? Decimal.ZERO;
    // Intl formats a decimal string exactly; a number would round through binary floating point.
    return format.format(value.toFixed(2) as unknown as number);
  }

  number(value: number): string {
    return this.integer.format(value);
  }

  /** A count with its noun in the form the language takes for it: `plural(2, { one: '# person', other: '# people' })`. */
  plural(n: number, forms: PluralForms): string {
    return (forms[this.pluralRules.select(n)] ?? forms.other).replaceAll('#', this.number(n));
  }

  date(iso: string | undefined): string {
    const day = iso === undefined ? undefined : parseDay(iso);
    return day === undefined ? String(iso) : this.dateFormat.format(new Date(day * 86_400_000));
  }

  and(items: readonly string[]): string {
    return this.andList.format(listOf(items));
  }

  or(items: readonly string[]): string {
    return this.orList.format(listOf(items));
  }

  text(localized: Readonly<Record<string, string>>): string {
    return pick(localized, this.locale);
  }

  person(id: string): string {
    return this.personNames.get(id) ?? id;
  }

  /** People by name, at most `limit` of them, then how many more. */
  people(ids: readonly string[], limit = 5, more: (n: number) => string = (n) => `+${n}`): string {
    const shown = ids.slice(0, limit).map((id) => this.person(id));
    return this.and(ids.length > limit ? [...shown, more(ids.length - limit)] : shown);
  }

  exam(code: string): string {
    const exam = this.catalog?.findExam(code);
    return exam ? `${exam.code} ${this.text(exam.title)}` : code;
  }

  competency(id: string): string {
    const competency = this.catalog?.competencies.find((c) => c.id === id);
    return competency ? this.text(competency.name) : id;
  }

  product(id: string): string {
    const product = this.catalog?.findProduct(id);
    return product ? this.text(product.name) : id;
  }
}

/** Items from JSON another version wrote may be one string, which Intl.ListFormat would split into characters. */
function listOf(items: readonly string[] | string): readonly string[] {
  return typeof items === 'string' ? [items] : items;
}

/** Finds a requirement (or a pool's role list) of a level by the id path a gap carries: `skills/current/current-skills/technical`. */
export function requirementAt(level: Level, path: string): Requirement | undefined {
  const [first, ...rest] = path.split('/');
  let current = level.requirements.find((r) => r.id === first);
  for (let i = 0; current && i < rest.length; i++) {
    const step = rest[i];
    const branch = branchOf(current, step ?? '');
    if (branch === undefined) break;
    i += 1;
    current = branch.find((r) => r.id === rest[i]);
  }
  return current;
}
