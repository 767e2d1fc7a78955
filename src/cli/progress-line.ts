/**
 * Progress on stderr, at most once a second and only on a terminal or when asked (ATTAIN_PROGRESS=1), so that
 * piped output and tests stay clean: "evaluated 4,000 of 10,000 organizations".
 */
export function progressLine(verb: string, noun: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true || process.env.ATTAIN_PROGRESS === '1';
  let last = 0;
  let shown = false;
  const format = (n: number) => n.toLocaleString('en');
  const report = (done: number, total: number | null) => {
    const now = performance.now();
    if (!enabled || now - last < 1000) return;
    last = now;
    shown = true;
    stream.write(`\r${verb} ${format(done)}${total === null ? '' : ` of ${format(total)}`} ${noun}   `);
  };
  report.end = () => {
    if (shown) stream.write('\n');
  };
  return report;
}

/** The phases of one long command, in the words `phaseLine` shows them. */
const PHASES = {
  reading: (what: string) => `reading ${what}`,
  opening: (what: string) => `opening the store in ${what}`,
  // PGlite's initdb, run in WebAssembly, is most of a first import's time: 5-15 s on a busy machine.
  creating: (what: string) => `creating a new store in ${what} (first use only: takes several seconds)`,
  server: (what: string) => `sending the file to ${what}`,
  planning: (what: string) => `checking the file (${what}) against the organization`,
  writing: (what: string) => `writing ${what} records in one transaction`,
} as const;
export type Phase = keyof typeof PHASES;

/**
 * Says which phase a long command is in, and how long the last one took, on stderr under the same rule as
 * `progressLine` (a terminal, or ATTAIN_PROGRESS=1): "opening the store … 1.8 s". A phase line is shown as it
 * starts, so that a slow phase is named while it runs, not after.
 */
export function phaseLine(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true || process.env.ATTAIN_PROGRESS === '1';
  let open: number | null = null;
  const close = () => {
    if (open === null) return;
    stream.write(` ${((performance.now() - open) / 1000).toFixed(1)} s\n`);
    open = null;
  };
  const report = (phase: Phase, what: string) => {
    if (!enabled) return;
    close();
    stream.write(`attain: ${PHASES[phase](what)} …`);
    open = performance.now();
  };
  report.end = () => {
    if (enabled) close();
  };
  return report;
}
