import type { Finding } from '../engine/evaluation-types.js';
import type { NotCounting, RevenueStanding } from '../service/not-counting.js';
import type { RecordKind } from '../store/records-page.js';

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * What does not count, looked up by record: built once per organization, day and data version, then asked for each
 * page's rows. Index lists stay the sorted arrays they came as (binary search), since a large organization has a
 * hundred thousand records outside the twelve months and a set of them would cost more than the page.
 */
export class NotCountingIndex {
  private readonly exams = new Map<number, Map<number, readonly Finding[]>>();
  private readonly warned: ReadonlyMap<number, readonly Finding[]>;
  private readonly customers: ReadonlySet<number>;
  /** Each kind's records that do not count, ascending. */
  readonly indexes: Readonly<Record<RecordKind, readonly number[]>>;

  constructor(
    readonly counting: NotCounting,
    /** The data version the evaluation read. */
    readonly version: string,
  ) {
    for (const [person, pass, warnings] of counting.exams) {
      let passes = this.exams.get(person);
      if (!passes) {
        passes = new Map();
        this.exams.set(person, passes);
      }
      passes.set(pass, warnings);
    }
    this.warned = new Map(counting.revenue.warned);
    this.customers = new Set(counting.customers);
    this.indexes = {
      people: [...this.exams.keys()].sort((a, b) => a - b),
      customers: counting.customers,
      revenue: mergeAscending(
        mergeAscending(counting.revenue['outside-window'], counting.revenue['not-associated']),
        counting.revenue.warned.map(([i]) => i),
      ),
    };
  }

  examWarnings(person: number, pass: number): readonly Finding[] {
    return this.exams.get(person)?.get(pass) ?? NONE;
  }

  customerNotCounted(index: number): boolean {
    return this.customers.has(index);
  }

  revenue(index: number): { readonly notCounted: RevenueStanding | null; readonly warnings: readonly Finding[] } {
    const warnings = this.warned.get(index);
    if (warnings) return { notCounted: null, warnings };
    const { revenue } = this.counting;
    const notCounted = includes(revenue['outside-window'], index)
      ? 'outside-window'
      : includes(revenue['not-associated'], index)
        ? 'not-associated'
        : null;
    return { notCounted, warnings: NONE };
  }
}

function includes(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle] as number;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      merged.push(x as number);
      i++;
    } else {
      if (x === y) i++;
      merged.push(y);
      j++;
    }
  }
  return merged;
}
