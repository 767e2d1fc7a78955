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
