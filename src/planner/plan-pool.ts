import { FlowNetwork } from '../engine/matching/flow-network.js';

/**
 * One pool to fill at least cost. Per existing person and role, how many exams they still need (null: they cannot
 * fill it); per role, what a new hire would need (null: nobody new can, e.g. its exams retired).
 */
export interface PoolProblem {
  readonly counts: readonly number[];
  readonly costs: readonly (readonly (number | null)[])[];
  readonly newCosts: readonly (number | null)[];
}

export interface PoolPlan {
  /** Per role, the existing people placed there. */
  readonly existing: readonly (readonly number[])[];
  /** Per role, how many new hires are placed there. */
  readonly hires: readonly number[];
  readonly exams: number;
}

/**
 * The fewest new hires this pool needs on its own: the seats the best matching of existing people leaves empty
 * (augmenting from that matching never unseats anyone), or null when even unlimited hires cannot fill it.
 */
export function minimumHires(problem: PoolProblem): number | null {
  const seats = problem.counts.reduce((a, b) => a + b, 0);
  const existing = maxFill(problem, 0);
  const unlimited = maxFill(problem, seats);
  return unlimited < seats ? null : seats - existing;
}

/** Fills every seat with at most `hires` new people, at the fewest exams; null when that is impossible. */
export function planPool(problem: PoolProblem, hires: number): PoolPlan | null {
  const { classes, members } = costClasses(problem);
  const roles = problem.counts.length;
  const seats = problem.counts.reduce((a, b) => a + b, 0);
  const source = 0;
  const sink = 1;
  const hireNode = 2;
  const classNode = (c: number) => 3 + c;
  const roleNode = (r: number) => 3 + classes.length + r;
  const network = new FlowNetwork(3 + classes.length + roles);
  network.addEdge(source, hireNode, hires, 0);
  const hireEdges = problem.newCosts.map((cost, r) => (cost === null ? -1 : network.addEdge(hireNode, roleNode(r), seats, cost)));
  const classEdges = classes.map((costs, c) => {
    network.addEdge(source, classNode(c), members[c]?.length ?? 0, 0);
    return costs.map((cost, r) => (cost === null ? -1 : network.addEdge(classNode(c), roleNode(r), seats, cost)));
  });
  for (const [r, count] of problem.counts.entries()) network.addEdge(roleNode(r), sink, count, 0);
  const { flow, cost } = network.minCostFlow(source, sink);
  if (flow < seats) return null;
  const existing: number[][] = problem.counts.map(() => []);
  classEdges.forEach((edges, c) => {
    const people = members[c] ?? [];
    let next = 0;
    edges.forEach((edge, r) => {
      if (edge < 0) return;
      const take = network.flow(edge);
      existing[r]?.push(...people.slice(next, next + take));
      next += take;
    });
  });
  return { existing, hires: hireEdges.map((edge) => (edge < 0 ? 0 : network.flow(edge))), exams: cost };
}

/** People with the same cost for every role are interchangeable: one node each, in order of first appearance. */
function costClasses(problem: PoolProblem) {
  const index = new Map<string, number>();
  const classes: (readonly (number | null)[])[] = [];
  const members: number[][] = [];
  problem.costs.forEach((costs, person) => {
    if (costs.every((c) => c === null)) return;
    const key = costs.join(',');
    let c = index.get(key);
    if (c === undefined) {
      c = classes.length;
      index.set(key, c);
      classes.push(costs);
      members.push([]);
    }
    members[c]?.push(person);
  });
  return { classes, members };
}

function maxFill(problem: PoolProblem, hires: number): number {
  const { classes, members } = costClasses(problem);
  const roles = problem.counts.length;
  const network = new FlowNetwork(3 + classes.length + roles);
  const roleNode = (r: number) => 3 + classes.length + r;
  network.addEdge(0, 2, hires);
  problem.newCosts.forEach((cost, r) => {
    if (cost !== null) network.addEdge(2, roleNode(r), hires);
  });
  classes.forEach((costs, c) => {
    network.addEdge(0, 3 + c, members[c]?.length ?? 0);
    costs.forEach((cost, r) => {
      if (cost !== null) network.addEdge(3 + c, roleNode(r), Number.MAX_SAFE_INTEGER);
    });
  });
  for (const [r, count] of problem.counts.entries()) network.addEdge(roleNode(r), 1, count);
  return network.maxFlow(0, 1);
}
