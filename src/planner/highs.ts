/** The few members of HiGHS's solution that attain reads. */
export interface Highs {
  solve(model: string): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

let highs: Promise<Highs> | undefined;

/** HiGHS (WebAssembly), loaded once and only when a problem needs it: it costs far more to load than to use. */
export function loadHighs(): Promise<Highs> {
  highs ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return highs;
}

/** A sum of variables in CPLEX LP syntax. */
export function sum(names: readonly string[]): string {
  return names.join(' + ');
}

/** LP files are read line by line; long sums continue on the next line. */
export function wrap(expression: string): string {
  return chunk(expression.split(' '), 60)
    .map((words) => words.join(' '))
    .join('\n   ');
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}
