import type { Locale } from '../core/localized.js';
import { type CliPhase, MESSAGES } from '../render/messages.js';

/**
 * Progress on stderr, at most once a second and only on a terminal or when asked (ATTAIN_PROGRESS=1), so that
 * piped output and tests stay clean: "evaluated 4,000 of 10,000 organizations".
 */
export function progressLine(verb: 'evaluated' | 'compared', locale: Locale, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true || process.env.ATTAIN_PROGRESS === '1';
  let last = 0;
  let shown = false;
  const format = (n: number) => n.toLocaleString(locale);
  const report = (done: number, total: number | null) => {
    const now = performance.now();
    if (!enabled || now - last < 1000) return;
    last = now;
    shown = true;
    stream.write(`\r${MESSAGES[locale].cli.progress(verb, format(done), total === null ? null : format(total))}   `);
  };
  report.end = () => {
    if (shown) stream.write('\n');
  };
  return report;
}

/**
 * Says which phase a long command is in, and how long the last one took, on stderr under the same rule as
 * `progressLine` (a terminal, or ATTAIN_PROGRESS=1): "opening the store … 1.8 s". A phase line is shown as it
 * starts, so that a slow phase is named while it runs, not after.
 */
export function phaseLine(locale: Locale, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true || process.env.ATTAIN_PROGRESS === '1';
  let open: number | null = null;
  const close = () => {
    if (open === null) return;
    stream.write(` ${((performance.now() - open) / 1000).toFixed(1)} s\n`);
    open = null;
  };
  const report = (phase: CliPhase, what: string) => {
    if (!enabled) return;
    close();
    stream.write(`attain: ${MESSAGES[locale].cli.phases[phase](what)} …`);
    open = performance.now();
  };
  report.end = () => {
    if (enabled) close();
  };
  return report;
}
