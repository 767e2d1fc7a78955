// A/B of two builds' stores in one process (a base tree's and this one's), alternated round by round so that both
// see the same machine: a shared machine's load moves any one figure by more than most changes. Each tree is a
// checkout with `dist/` built. Usage: node bench/store-ab.mjs BASE_TREE NEW_TREE [rounds] [pglite|postgres]
// (postgres: ATTAIN_TEST_DATABASE_URL; two schemas are made and dropped). PGlite is measured in CPU time of this
// process (the database runs in it), PostgreSQL in wall time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [baseTree, newTree] = process.argv.slice(2, 4);
const rounds = Number(process.argv[4] ?? 10);
const backend = process.argv[5] ?? 'pglite';
const URL_ = process.env.ATTAIN_TEST_DATABASE_URL ?? '';
const trees = { base: baseTree, mine: newTree };
const libs = {};
for (const [name, root] of Object.entries(trees)) {
  const lib = async (m) => import(pathToFileURL(path.join(root, 'dist', m)).href);
  libs[name] = {
    openStore: (await lib('store/open-store.js')).openStore,
    parse: (await lib('engine/parse-organization.js')).parseOrganization,
  };
}
let seed = 7;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pad = (n) => String(n).padStart(2, '0');
const date = () => `2017-${pad(1 + rand(12))}-${pad(1 + rand(28))}`;
const documents = (prefix, count) =>
  Array.from({ length: count }, (_, o) => {
    const people = Array.from({ length: 20 + rand(30) }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      exams: Array.from({ length: 1 + rand(3) }, () => ({ exam: `MB2-7${10 + rand(9)}`, passed: date() })),
    }));
    const customers = Array.from({ length: 10 + rand(20) }, (_, i) => ({
      id: `c${i}`,
      name: `C ${i}`,
      dpor: [{ from: '2016-01-01' }],
    }));
    const revenue = Array.from({ length: 200 + rand(600) }, () => ({
      customer: `c${rand(customers.length)}`,
      product: 'crm-online',
      date: date(),
      amount: `${rand(100000)}.${pad(rand(100))}`,
      currency: 'USD',
      netNew: true,
    }));
    return { id: `${prefix}${String(o).padStart(5, '0')}`, market: 'developed', people, customers, revenue };
  });
const dirs = [];
const stores = {};
for (const name of Object.keys(trees)) {
  const dir = mkdtempSync(path.join(tmpdir(), `attain-store-ab-${name}-`));
  dirs.push(dir);
  stores[name] = await libs[name].openStore(
    backend === 'pglite' ? { dataDir: dir } : { databaseUrl: URL_, schema: `pd_ab_${name}_${process.pid}` },
  );
}
const actor = { kind: 'cli', id: 'bench' };
if (process.env.TWEAK && backend !== 'pglite') {
  const { openStoreDatabase } = await import(pathToFileURL(path.join(newTree, 'dist/store/open-store.js')).href);
  const { sql } = await import('kysely');
  const { db } = await openStoreDatabase({ databaseUrl: URL_, schema: `pd_ab_mine_${process.pid}` });
  for (const statement of process.env.TWEAK.split(';')) await sql.raw(statement).execute(db);
  await db.destroy();
  console.error('tweaked:', process.env.TWEAK);
}
// PGlite runs in this process: its CPU time is the work. PostgreSQL's work is in the server: wall time then.
const cpu = () => {
  if (backend !== 'pglite') return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const totals = { base: { load: [], stream: [], get: [] }, mine: { load: [], stream: [], get: [] } };
// Round -1 warms both stores up (connections, caches, plans) and is not counted.
for (let r = -1; r < rounds; r++) {
  const docs = documents(`r${r}-`, 150);
  const order = r % 2 === 0 ? ['base', 'mine'] : ['mine', 'base'];
  for (const name of order) {
    const orgs = docs.map((d) => libs[name].parse(d));
    let c = cpu();
    await stores[name].replaceOrganizations(orgs, actor);
    const load = cpu() - c;
    c = cpu();
    for await (const _ of stores[name].streamOrganizations());
    const stream = cpu() - c;
    c = cpu();
    for (let i = 0; i < 150; i++) await stores[name].getOrganization(orgs[i].id);
    const get = cpu() - c;
    if (r < 0) continue;
    totals[name].load.push(load);
    totals[name].stream.push(stream);
    totals[name].get.push(get);
  }
}
for (const s of Object.values(stores)) await s.close();
if (backend !== 'pglite') {
  const { openStoreDatabase } = await import(pathToFileURL(path.join(newTree, 'dist/store/open-store.js')).href);
  const { sql } = await import('kysely');
  const { db } = await openStoreDatabase({ databaseUrl: URL_ });
  for (const name of Object.keys(trees)) {
    const schema = `pd_ab_${name}_${process.pid}`;
    await sql`drop schema if exists ${sql.id(schema)}, ${sql.id(`${schema}_jobs`)} cascade`.execute(db);
  }
  await db.destroy();
}
for (const d of dirs) rmSync(d, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = {};
for (const what of ['load', 'stream', 'get']) {
  out[what] = {
    base: Math.round(median(totals.base[what])),
    mine: Math.round(median(totals.mine[what])),
    ratio: +(median(totals.mine[what]) / median(totals.base[what])).toFixed(3),
  };
}
const geo = (what) => {
  const ratios = totals.mine[what].map((m, i) => m / totals.base[what][i]);
  return +Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length).toFixed(3);
};
const sum = (xs) => Math.round(xs.reduce((a, b) => a + b, 0));
console.log(
  JSON.stringify({
    rounds,
    backend,
    msTotal: Object.fromEntries(
      ['load', 'stream', 'get'].map((w) => [
        w,
        { base: sum(totals.base[w]), mine: sum(totals.mine[w]), perRoundRatioGeoMean: geo(w) },
      ]),
    ),
  }),
);
