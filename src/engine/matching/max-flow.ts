/**
 * A small max-flow network (Edmonds–Karp: shortest augmenting paths, each pushing its bottleneck). The graphs it
 * serves have a handful of nodes per role and eligibility class, so clarity wins over asymptotics here.
 */
export class FlowNetwork {
  private readonly heads: number[][];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly flowOn: number[] = [];

  constructor(readonly size: number) {
    this.heads = Array.from({ length: size }, () => []);
  }

  /** Adds an edge and returns its index, for reading its flow afterwards. */
  addEdge(from: number, to: number, capacity: number): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.flowOn.push(0, 0);
    this.heads[from]?.push(index);
    this.heads[to]?.push(index + 1);
    return index;
  }

  flow(edge: number): number {
    return this.flowOn[edge] ?? 0;
  }

  /** Pushes as much flow as possible from source to sink and returns the amount. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const via = this.shortestAugmentingPath(source, sink);
      if (!via) return total;
      let bottleneck = Infinity;
      for (let v = sink; v !== source; ) {
        const e = via[v] as number;
        bottleneck = Math.min(bottleneck, this.residual(e));
        v = this.to[e ^ 1] as number;
      }
      for (let v = sink; v !== source; ) {
        const e = via[v] as number;
        this.flowOn[e] = (this.flowOn[e] ?? 0) + bottleneck;
        this.flowOn[e ^ 1] = (this.flowOn[e ^ 1] ?? 0) - bottleneck;
        v = this.to[e ^ 1] as number;
      }
      total += bottleneck;
    }
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
}
