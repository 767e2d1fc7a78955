import type { Catalog, Pool } from '../../catalog/catalog-types.js';
import { everyPool } from '../../catalog/every-requirement.js';
import type { Day } from '../../core/day.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import { whyIgnored } from '../../engine/evaluation-context.js';
import { satisfies } from '../../engine/exam-formula.js';
import { maxFilled } from '../../engine/matching/assign-pool.js';
import { eligibility, seatsFilled } from './people-kind.js';
import { seatGroups } from './seat-groups.js';

/** One pool's people, summarized as how many people have each eligibility mask (bit g: they qualify for seat group g). */
interface PoolClasses {
  readonly pool: Pool;
  readonly masks: Int32Array;
  readonly sizes: Map<number, number>;
}

/**
 * Which exams count for each person as days pass, and how many seats each pool's people fill. Until someone's
 * exams change, the fills are the evaluation's own matchings (kept in its context); from the first change on, each
 * pool's people are kept as eligibility classes, refiled one person at a time, and matched by class.
 */
export class PoolSeats {
  private readonly held: ReadonlySet<string>[];
  /** People whose counting exams differ from the context's, whose eligibility the context's columns do not know. */
  private readonly changed = new Set<number>();
  private classes: Map<string, PoolClasses> | undefined;
  private readonly fills = new Map<Pool, { readonly stamp: number; readonly filled: number }>();
  private changes = 0;

  constructor(private readonly context: EvaluationContext) {
    this.held = [...context.qualified];
  }

  /** Grows with each change of anyone's counting exams: cached statuses of levels with pools are checked against it. */
  get stamp(): number {
    return this.changes;
  }

  /** Recomputes which of one person's exams count on a day, and refiles them where their eligibility changed. */
  requalify(p: number, day: Day): void {
    const person = this.context.organization.people[p];
    if (!person) return;
    const held = new Set<string>();
    for (const pass of person.exams) {
      const code = whyIgnored(this.context.catalog, pass, person.id, day);
      if (typeof code === 'string') held.add(code);
    }
    const before = this.held[p] as ReadonlySet<string>;
    if (held.size === before.size && [...held].every((e) => before.has(e))) return;
    this.held[p] = held;
    this.changed.add(p);
    this.changes += 1;
    for (const state of this.classes?.values() ?? []) refile(state, p, maskOf(state.pool, held));
  }

  /** How many of the pool's seats today's people fill. */
  filled(pool: Pool): number {
    const known = this.fills.get(pool);
    if (known?.stamp === this.changes) return known.filled;
    const filled =
      this.changes === 0
        ? seatsFilled(pool, this.context)
        : maxFilled(
            seatGroups(pool).map((g) => g.count),
            (this.poolClasses().get(poolKey(pool)) as PoolClasses).sizes,
          );
    this.fills.set(pool, { stamp: this.changes, filled });
    return filled;
  }

  /** Every pool of the catalog as classes of today's people; built at the first need, then kept up to date. */
  private poolClasses(): Map<string, PoolClasses> {
    if (this.classes) return this.classes;
    this.classes = new Map();
    for (const pool of allPools(this.context.catalog)) {
      const key = poolKey(pool);
      if (this.classes.has(key)) continue;
      // The context's eligibility columns (the evaluation computed most of them) hold for everyone not changed since.
      const columns = seatGroups(pool).map((group) => eligibility(group.exams, this.context));
      const masks = new Int32Array(this.held.length);
      const sizes = new Map<number, number>();
      this.held.forEach((held, p) => {
        const mask = this.changed.has(p)
          ? maskOf(pool, held)
          : columns.reduce((m, column, r) => (column[p] ? m | (1 << r) : m), 0);
        masks[p] = mask;
        sizes.set(mask, (sizes.get(mask) ?? 0) + 1);
      });
      this.classes.set(key, { pool, masks, sizes });
    }
    return this.classes;
  }
}

function maskOf(pool: Pool, held: ReadonlySet<string>): number {
  return seatGroups(pool).reduce((m, group, g) => (satisfies(group.exams, held) ? m | (1 << g) : m), 0);
}

function refile(state: PoolClasses, p: number, mask: number): void {
  const old = state.masks[p] as number;
  if (mask === old) return;
  state.masks[p] = mask;
  const left = (state.sizes.get(old) ?? 0) - 1;
  if (left === 0) state.sizes.delete(old);
  else state.sizes.set(old, left);
  state.sizes.set(mask, (state.sizes.get(mask) ?? 0) + 1);
}

const poolKeys = new WeakMap<Pool, string>();

/** A pool's identity for eligibility: its seat groups' formulas (seat counts are applied when matching). */
function poolKey(pool: Pool): string {
  let key = poolKeys.get(pool);
  if (key === undefined) {
    key = JSON.stringify(seatGroups(pool).map((g) => g.exams));
    poolKeys.set(pool, key);
  }
  return key;
}

const catalogPools = new WeakMap<Catalog, readonly Pool[]>();

/** Every pool of every version of the catalog: a version that takes effect later needs its pools' classes too. */
function allPools(catalog: Catalog): readonly Pool[] {
  let pools = catalogPools.get(catalog);
  if (pools === undefined) {
    pools = catalog.competencies.flatMap((c) =>
      c.versions.flatMap((v) => v.options.flatMap((o) => o.levels.flatMap((l) => everyPool(l.requirements)))),
    );
    catalogPools.set(catalog, pools);
  }
  return pools;
}
