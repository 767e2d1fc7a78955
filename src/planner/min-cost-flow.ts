/**
 * Minimum-cost flow by successive shortest paths (Bellman–Ford on the residual graph, so negative residual costs are
 * fine). The planner's networks have one node per cost class and role, a few dozen at most, so each unit of flow is
 * cheap to route even for very large organizations.
 */
export class CostFlowNetwork {
  private readonly heads: number[][];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly flowOn: number[] = [];

  constructor(readonly size: number) {
    this.heads = Array.from({ length: size }, () => []);
  }

  addEdge(from: number, to: number, capacity: number, cost: number): number {
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

  /** Sends up to `limit` units from source to sink at least total cost; returns the flow and its cost. */
  minCostFlow(source: number, sink: number, limit = Number.POSITIVE_INFINITY): { flow: number; cost: number } {
    let flow = 0;
    let cost = 0;
    while (flow < limit) {
      const path = this.cheapestPath(source, sink);
      if (!path) break;
      let push = limit - flow;
      for (let v = sink; v !== source; ) {
        const e = path.via[v] as number;
        push = Math.min(push, this.residual(e));
        v = this.to[e ^ 1] as number;
      }
      for (let v = sink; v !== source; ) {
        const e = path.via[v] as number;
        this.flowOn[e] = (this.flowOn[e] ?? 0) + push;
        this.flowOn[e ^ 1] = (this.flowOn[e ^ 1] ?? 0) - push;
        v = this.to[e ^ 1] as number;
      }
      flow += push;
      cost += push * path.distance;
    }
    return { flow, cost };
  }

  private residual(edge: number): number {
    return (this.capacity[edge] ?? 0) - (this.flowOn[edge] ?? 0);
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
