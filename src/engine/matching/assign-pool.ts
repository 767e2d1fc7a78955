import { pushTo } from '../../core/push-to.js';
import { FlowNetwork } from './flow-network.js';

/** The outcome of filling one pool's roles with distinct people. */
export interface PoolAssignment {
  /** Per role, the indexes of the people assigned to it (at most its count). */
  readonly assigned: readonly (readonly number[])[];
  /** Seats filled in total: the maximum possible. */
  readonly filled: number;
  /**
   * Groups of roles that cannot all be filled (a Hall violation): together they need `seats` people, but only the
   * `candidates` qualify for any of them, and every candidate is already used by a role of the group.
   */
  readonly deficiencies: readonly Deficiency[];
}

export interface Deficiency {
  readonly roles: readonly number[];
  readonly seats: number;
  readonly candidates: readonly number[];
}

/**
 * Fills roles with distinct people so that as many seats as possible are taken: a maximum b-matching, solved as a
 * max-flow. People with the same set of eligible roles are interchangeable, so they are grouped into one class
 * node each; the network has at most one node per distinct eligibility pattern, however many people there are.
 *
 * @param counts seats per role
 * @param eligibleRoles per person, a bit mask of the roles they qualify for (bit r = role r)
 */
export function assignPool(counts: readonly number[], eligibleRoles: readonly number[]): PoolAssignment {
  const classes = new Map<number, number[]>();
  eligibleRoles.forEach((mask, person) => {
    if (mask !== 0) pushTo(classes, mask, person);
  });
  const masks = [...classes.keys()];
  const { network, linkEdges, demandEdge, source, sink } = poolNetwork(
    counts,
    masks,
    masks.map((mask) => classes.get(mask)?.length ?? 0),
  );
  const filled = network.maxFlow(source, sink);

  const assigned: number[][] = counts.map(() => []);
  masks.forEach((mask, c) => {
    const members = classes.get(mask) ?? [];
    let next = 0;
    for (const [r, edge] of linkEdges[c] ?? []) {
      const take = network.flow(edge);
      assigned[r]?.push(...members.slice(next, next + take));
      next += take;
    }
  });

  return { assigned, filled, deficiencies: findDeficiencies(counts, masks, classes, linkEdges, demandEdge, network) };
}

/**
 * The most seats that can be filled when only the number of people of each eligibility class is known: the same
 * max-flow as `assignPool`, in time independent of how many people there are.
 *
 * @param classSizes per eligibility mask, how many people have it
 */
export function maxFilled(counts: readonly number[], classSizes: ReadonlyMap<number, number>): number {
  const masks = [...classSizes.keys()].filter((mask) => mask !== 0);
  const { network, source, sink } = poolNetwork(
    counts,
    masks,
    masks.map((mask) => classSizes.get(mask) ?? 0),
  );
  return network.maxFlow(source, sink);
}

/** Source → class (its size) → each role it is eligible for → sink (the role's seats). */
function poolNetwork(counts: readonly number[], masks: readonly number[], sizes: readonly number[]) {
  const roleCount = counts.length;
  const source = 0;
  const sink = 1;
  const classNode = (c: number) => 2 + c;
  const roleNode = (r: number) => 2 + masks.length + r;
  const network = new FlowNetwork(2 + masks.length + roleCount);
  for (const [c, size] of sizes.entries()) network.addEdge(source, classNode(c), size);
  const linkEdges = masks.map((mask, c) => {
    const edges = new Map<number, number>();
    for (let r = 0; r < roleCount; r++) {
      if (mask & (1 << r)) edges.set(r, network.addEdge(classNode(c), roleNode(r), Number.MAX_SAFE_INTEGER));
    }
    return edges;
  });
  const demandEdge = counts.map((count, r) => network.addEdge(roleNode(r), sink, count));
  return { network, linkEdges, demandEdge, source, sink };
}

/**
 * From each role left short, follows alternating paths: every class eligible for the role (all its people are
 * busy, or the flow would not be maximal), then every role those people fill. The roles reached need more people
 * than the classes reached hold, and no one outside those classes qualifies for them: an actionable reason.
 */
function findDeficiencies(
  counts: readonly number[],
  masks: readonly number[],
  classes: ReadonlyMap<number, readonly number[]>,
  linkEdges: readonly ReadonlyMap<number, number>[],
  demandEdge: readonly number[],
  network: FlowNetwork,
): Deficiency[] {
  const closures: { roles: Set<number>; classes: Set<number> }[] = [];
  counts.forEach((count, start) => {
    if (network.flow(demandEdge[start] as number) >= count) return;
    if (closures.some((g) => g.roles.has(start))) return;
    const group = { roles: new Set<number>(), classes: new Set<number>() };
    const stack = [start];
    while (stack.length > 0) {
      const r = stack.pop() as number;
      if (group.roles.has(r)) continue;
      group.roles.add(r);
      masks.forEach((mask, c) => {
        if (!(mask & (1 << r)) || group.classes.has(c)) return;
        group.classes.add(c);
        for (const [other, edge] of linkEdges[c] ?? []) if (network.flow(edge) > 0) stack.push(other);
      });
    }
    closures.push(group);
  });
  // Closures from two short roles can overlap; their union is still deficient, so report it once.
  const groups: { roles: Set<number>; classes: Set<number> }[] = [];
  for (const closure of closures) {
    const overlapping = groups.filter((g) => [...closure.roles].some((r) => g.roles.has(r)));
    const merged = { roles: new Set(closure.roles), classes: new Set(closure.classes) };
    for (const g of overlapping) {
      for (const r of g.roles) merged.roles.add(r);
      for (const c of g.classes) merged.classes.add(c);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => {
    const roles = [...g.roles].sort((a, b) => a - b);
    const candidates = [...g.classes].flatMap((c) => classes.get(masks[c] as number) ?? []).sort((a, b) => a - b);
    return { roles, seats: roles.reduce((sum, r) => sum + (counts[r] ?? 0), 0), candidates };
  });
}
