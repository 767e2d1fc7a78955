import type { Role } from '../catalog/catalog-types.js';
import type { Localized } from '../core/localized.js';
import type { RequirementStatus } from '../engine/evaluation-types.js';
import type { Formatter, PluralForms } from '../render/formatter.js';

/**
 * A requirement's result as the dashboard draws it, named from the catalog. Each kind describes its result in these
 * generic shapes (a measure against a threshold, seats in roles, a choice between paths), so that the pages draw
 * shapes and never ask which kind a requirement is.
 */
export type Presented = MeasureNode | SeatsNode | ChoiceNode | GroupNode;

interface PresentedBase {
  readonly id: string;
  readonly name: Localized;
  readonly status: RequirementStatus;
}

/** An amount counted against a threshold: a progress bar. */
export interface MeasureNode extends PresentedBase {
  readonly shape: 'measure';
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly unit: MeasureUnit;
  /** counted / required, between 0 and 1 (0 without a threshold). */
  readonly ratio: number;
}

/**
 * What a measure counts: money in a currency, or things a kind names (seats, customers, devices), with the noun in
 * each language's forms for a number (`#` stands for it: `{ one: '# device', other: '# devices' }`).
 */
export type MeasureUnit =
  | { readonly kind: 'money'; readonly currency: string }
  | { readonly kind: 'count'; readonly forms: { readonly [locale: string]: { readonly [form: string]: string } } };

/** An amount of a measure in words: `US$5,000.00`, `320 active entitlements`. */
export function measureAmount(amount: string, unit: MeasureUnit, f: Formatter): string {
  if (unit.kind === 'money') return f.money(amount, unit.currency);
  const forms = unit.forms[f.locale] ?? unit.forms.en;
  return f.plural(Number(amount), forms?.other === undefined ? { other: '#' } : (forms as PluralForms));
}

/** A measure's bar: counted against required, and what is missing; `bar` joins the two amounts in the page's language. */
export function measureText(
  node: Pick<MeasureNode, 'counted' | 'required' | 'shortfall' | 'unit'>,
  f: Formatter,
  words: { bar(counted: string, required: string): string; shortBy(amount: string): string; noThreshold: string },
): string {
  if (node.required === null) return `${measureAmount(node.counted, node.unit, f)} (${words.noThreshold})`;
  const short =
    node.shortfall && node.shortfall !== '0' ? ` — ${words.shortBy(measureAmount(node.shortfall, node.unit, f))}` : '';
  return `${measurePair(node.counted, node.required, node.unit, f, words.bar)}${short}`;
}

/**
 * Counted against required in words: money both times ("$900.00 of $1,000.00"), a count with its unit once, around
 * both numbers ("250 of 570 active entitlements", "장치 4 / 10대").
 */
export function measurePair(
  counted: string,
  required: string,
  unit: MeasureUnit,
  f: Formatter,
  bar: (counted: string, required: string) => string,
): string {
  if (unit.kind === 'money') return bar(measureAmount(counted, unit, f), measureAmount(required, unit, f));
  const forms = unit.forms[f.locale] ?? unit.forms.en ?? { other: '#' };
  const marked = Object.fromEntries(Object.entries(forms).map(([rule, form]) => [rule, form.replaceAll('#', '\u0000')]));
  const pattern = f.plural(Number(required), (marked.other === undefined ? { other: '\u0000' } : marked) as PluralForms);
  return pattern.replace('\u0000', bar(f.number(Number(counted)), f.number(Number(required))));
}

/**
 * A result counted against a threshold, as the dashboard draws it: named from its definition (by id without one),
 * in the unit it counts.
 */
export function measureNode(
  result: Pick<MeasureNode, 'id' | 'status' | 'counted' | 'required' | 'shortfall'>,
  definition: { readonly name: Localized } | undefined,
  unit: MeasureUnit,
): MeasureNode {
  return {
    shape: 'measure',
    id: result.id,
    name: definition?.name ?? { en: result.id },
    status: result.status,
    counted: result.counted,
    required: result.required,
    shortfall: result.shortfall,
    unit,
    ratio: measureRatio(result.counted, result.required),
  };
}

/** counted / required, between 0 and 1 (0 without a threshold, 1 for a threshold of zero). */
export function measureRatio(counted: string, required: string | null): number {
  if (required === null) return 0;
  const r = Number(required);
  return r <= 0 ? 1 : Math.min(1, Math.max(0, Number(counted) / r));
}

/** People in the seats of roles, pool by pool. */
export interface SeatsNode extends PresentedBase {
  readonly shape: 'seats';
  readonly pools: readonly PoolNode[];
}

export interface PoolNode {
  readonly id: string;
  readonly met: boolean;
  readonly seats: number;
  readonly filled: number;
  readonly roles: readonly RoleNode[];
}

export interface RoleNode {
  readonly id: string;
  readonly name: Localized;
  readonly definition: Role | undefined;
  readonly count: number;
  readonly eligible: number;
  readonly short: number;
  readonly assigned: readonly string[];
  /** One entry per seat: the person in it, or null for an empty seat. */
  readonly seats: readonly (string | null)[];
  /** "k of the same N": how many of the role's people must also hold its extra exams, and who of them does. */
  readonly ofWhom: { readonly count: number; readonly holding: readonly string[] } | null;
}

/** Alternative paths, each with what it requires. */
export interface ChoiceNode extends PresentedBase {
  readonly shape: 'choice';
  /** The path that is met, or null. */
  readonly chosen: string | null;
  readonly paths: readonly {
    readonly id: string;
    readonly name: Localized;
    readonly status: RequirementStatus;
    readonly requirements: readonly Presented[];
  }[];
}

/** A whole made of parts: a summary measure (points against a pass mark) over each part's own measure. */
export interface GroupNode extends PresentedBase {
  readonly shape: 'group';
  readonly summary: MeasureNode;
  readonly members: readonly Presented[];
}
