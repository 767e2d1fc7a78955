/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`), so that a benchmark that misses its goal can say where the
 * time went without opening a profiler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  /** Function name and where it is defined, relative to the project. */
  readonly name: string;
  readonly ms: number;
  /** Share of all sampled time, 0–1. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Time spent in the function's own code. */
  readonly self: readonly ProfileEntry[];
  /** Time spent in the function and everything it called; only the project's own named functions. */
  readonly inclusive: readonly ProfileEntry[];
}

/** Reads the one profile that `node --cpu-prof --cpu-prof-dir DIR` wrote. */
export function readProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${dir}, found ${files.length}`);
  return JSON.parse(readFileSync(path.join(dir, files[0] as string), 'utf8')) as CpuProfile;
}

/** The functions that took the most time, by own time and by time including callees. */
export function summarizeProfile(profile: CpuProfile, root: string, limit = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    // V8 gives microseconds between samples; a sample's time is the delta to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(id);
    if (leaf) add(self, frameName(leaf.callFrame, root), ms);
    // A recursive function counts once per sample, or its inclusive time would exceed the run.
    for (const name of stackNames(id, byId, parent, root)) add(inclusive, name, ms);
  });
  const ranked = (times: Map<string, number>, keep: (name: string) => boolean) =>
    [...times]
      .filter(([name]) => keep(name))
      .sort(([, a], [, b]) => b - a)
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms: round(ms), share: total > 0 ? round(ms / total, 3) : 0 }));
  return { totalMs: round(total), self: ranked(self, () => true), inclusive: ranked(inclusive, isOwnNamedFunction) };
}

/** Callbacks would list every caller twice over; named functions of dist/ say where the time goes. */
function isOwnNamedFunction(name: string): boolean {
  return name.includes('dist/') && !name.startsWith('(anonymous)');
}

function stackNames(
  leaf: number,
  byId: ReadonlyMap<number, ProfileNode>,
  parent: ReadonlyMap<number, number>,
  root: string,
): Set<string> {
  const names = new Set<string>();
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
    const node = byId.get(id);
    if (node) names.add(frameName(node.callFrame, root));
  }
  return names;
}

function frameName(frame: CallFrame, root: string): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, '').replace(`${root}/`, '');
  // Line numbers in profiles are 0-based.
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

function add(times: Map<string, number>, name: string, ms: number): void {
  times.set(name, (times.get(name) ?? 0) + ms);
}

function round(value: number, places = 1): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
