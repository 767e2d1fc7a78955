/**
 * Writes a synthetic organization file to stdout, the same data the benchmarks use:
 *
 *   tsx bench/generate.ts --people 50 --revenue 500 --seed 1 [--market developing] [--pretty] > org.json
 */
import { parseArgs } from 'node:util';
import { generateOrganization, type Market } from './generate-organization.js';

const USAGE = 'usage: tsx bench/generate.ts --people N --revenue M --seed S [--market developed|developing] [--pretty]';

function count(name: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isSafeInteger(value) || value < 0) fail(`--${name} must be a whole number, not "${text}"`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      revenue: { type: 'string' },
      seed: { type: 'string', default: '1' },
      market: { type: 'string', default: 'developed' },
      pretty: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.market !== 'developed' && values.market !== 'developing') fail(`--market must be developed or developing`);
  const organization = generateOrganization({
    people: count('people', values.people),
    revenue: count('revenue', values.revenue),
    seed: count('seed', values.seed),
    market: values.market as Market,
  });
  process.stdout.write(`${JSON.stringify(organization, null, values.pretty ? 2 : undefined)}\n`);
}

try {
  main();
} catch (error) {
  fail((error as Error).message);
}
