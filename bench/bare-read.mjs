// The baseline of the large-organization benchmark: the least any tool must do with an organization file, which is
// read it, parse the JSON and look at every record once. The CLI's wall time is reported as a multiple of this
// script's, so the ratio shows what evaluation adds on top of reading the data, whatever the machine's speed.
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/bare-read.mjs FILE');
const document = JSON.parse(await readFile(file, 'utf8'));

let total = 0;
for (const person of document.people) {
  total += person.id.length;
  for (const pass of person.exams) total += pass.exam.length + pass.passed.length;
}
for (const customer of document.customers) {
  total += customer.id.length;
  for (const period of customer.dpor) total += period.from.length + (period.to?.length ?? 0);
}
for (const record of document.revenue) {
  total += record.customer.length + record.product.length + record.date.length + record.amount.length + record.currency.length;
}
// Printing the sum keeps the loops from being optimized away and lets the runner check the script did its work.
process.stdout.write(`${total}\n`);
