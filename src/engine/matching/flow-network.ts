/**
 * A small flow network with two algorithms: maximum flow (Edmonds–Karp: shortest augmenting paths, each pushing its
 * bottleneck) and minimum-cost flow (successive cheapest paths, Bellman–Ford on the residual graph, so negative
 * residual costs are fine). The graphs it serves have one node per role and per class of interchangeable people,
 * a few dozen at most, so clarity wins over asymptotics here.
 */
export class FlowNetwork {
  private readonly heads: number[][];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly flowOn: number[] = [];

  constructor(readonly size: number) {
    this.heads = Array.from({ length: size }, () => []);
  }

  /** Adds an edge and returns its index, for reading its flow afterwards. */
  addEdge(from: number, to: number, capacity: number, cost = 0): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.flowOn.push(0, 0);
    this.heads[from]?.push(index);
    this.heads[to]?.push(index + 1);
    return index;
  }

  flow(edge: number): number {
    return this.flowOn[edge] ?? 0;
  }

  /** Pushes as much flow as possible from source to sink, ignoring costs, and returns the amount. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const via = this.shortestAugmentingPath(source, sink);
      if (!via) return total;
      total += this.augment(source, sink, via, Number.POSITIVE_INFINITY);
    }
  }

  /** Sends up to `limit` units from source to sink at least total cost; returns the flow and its cost. */
  minCostFlow(source: number, sink: number, limit = Number.POSITIVE_INFINITY): { flow: number; cost: number } {
    let flow = 0;
    let cost = 0;
    while (flow < limit) {
      const path = this.cheapestPath(source, sink);
      if (!path) break;
      const pushed = this.augment(source, sink, path.via, limit - flow);
      flow += pushed;
      cost += pushed * path.distance;
    }
    return { flow, cost };
  }

  /** Pushes the bottleneck of a path (at most `limit`) and returns how much. */
  private augment(source: number, sink: number, via: readonly number[], limit: number): number {
    let push = limit;
    for (let v = sink; v !== source; ) {
      const e = via[v] as number;
      push = Math.min(push, this.residual(e));
      v = this.to[e ^ 1] as number;
    }
    for (let v = sink; v !== source; ) {
      const e = via[v] as number;
      this.flowOn[e] = (this.flowOn[e] ?? 0) + push;
      this.flowOn[e ^ 1] = (this.flowOn[e ^ 1] ?? 0) - push;
      v = this.to[e ^ 1] as number;
    }
    return push;
  }

  private residual(edge: number): number {
    return (this.capacity[edge] ?? 0) - (this.flowOn[edge] ?? 0);
  }

  private shortestAugmentingPath(source: number, sink: number): number[] | undefined {
    const via: number[] = new Array(this.size).fill(-1);
    const queue = [source];
    via[source] = -2;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      for (const e of this.heads[v] ?? []) {
        const w = this.to[e] as number;
        if (via[w] === -1 && this.residual(e) > 0) {
          via[w] = e;
          if (w === sink) return via;
          queue.push(w);
        }
      }
    }
    return undefined;
  }

  private cheapestPath(source: number, sink: number): { via: number[]; distance: number } | undefined {
    const distance: number[] = new Array(this.size).fill(Number.POSITIVE_INFINITY);
    const via: number[] = new Array(this.size).fill(-1);
    const queued: boolean[] = new Array(this.size).fill(false);
    distance[source] = 0;
    const queue = [source];
    queued[source] = true;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      queued[v] = false;
      for (const e of this.heads[v] ?? []) {
        if (this.residual(e) <= 0) continue;
        const w = this.to[e] as number;
        const d = (distance[v] as number) + (this.cost[e] as number);
        if (d < (distance[w] as number)) {
          distance[w] = d;
          via[w] = e;
          if (!queued[w]) {
            queued[w] = true;
            queue.push(w);
          }
        }
      }
    }
    const d = distance[sink] as number;
    return d === Number.POSITIVE_INFINITY ? undefined : { via, distance: d };
  }
}
