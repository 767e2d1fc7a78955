#!/usr/bin/env node
/**
 * `npm test`: provides what the suites need beyond Node, builds, runs vitest, and fails if a test did not run.
 *
 * 1. What is missing is installed from Debian's packages, as root with apt-get: `postgresql` (the store's tests run
 *    against a real server as well as PGlite), `chromium` (the dashboard's browser tests) and `fonts-noto-cjk`
 *    (without them, Chinese and Korean render as boxes in the screenshots).
 * 2. Unless ATTAIN_TEST_DATABASE_URL is set: the local PostgreSQL cluster is started if it is down, and the `attain`
 *    role and the ATTAIN_TEST_DB_NAME database (default attain_test) are created when missing.
 * 3. ATTAIN_TEST_DATABASE_URL and ATTAIN_CHROMIUM are set for the run unless already set.
 * 4. `npm run build`, then `vitest run` with this script's arguments (`npm test -- test/store.test.ts`).
 * 5. From vitest's JSON report: any test that did not run fails the run, unless its title names what
 *    ATTAIN_TEST_WITHOUT opted out of; and every test file that reads a requirement's variable must have passed a test
 *    named for it, so that a suite that should have run cannot vanish without a word.
 *
 * What cannot be provided (not root, no apt-get) is listed with how to provide it, and the run fails, unless
 * ATTAIN_TEST_WITHOUT names it (`ATTAIN_TEST_WITHOUT=postgres,chromium npm test`). Safe to run twice.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = path.join(ROOT, 'test-output/vitest.json');
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * What the suites need beyond Node. `variable` is what the tests read, and what a skipped test's title names;
 * `named` is what a test that ran because of it has in its name.
 */
const REQUIREMENTS = {
  postgres: {
    title: 'PostgreSQL',
    variable: 'ATTAIN_TEST_DATABASE_URL',
    named: /PostgreSQL/,
    without: 'the suites on PostgreSQL are skipped; the same suites on PGlite run',
  },
  chromium: {
    title: 'Chromium',
    variable: 'ATTAIN_CHROMIUM',
    named: /Chromium/,
    without: "the dashboard's browser suite (test/e2e) is skipped",
  },
  'cjk-fonts': {
    title: 'CJK fonts (fonts-noto-cjk)',
    variable: undefined,
    named: undefined,
    without: "Chinese and Korean show as boxes in the browser suite's screenshots",
  },
};

const say = (line) => console.log(`== ${line}`);
const canInstall = () => process.getuid?.() === 0 && which('apt-get') !== undefined;

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

async function main() {
  const without = optedOut(process.env.ATTAIN_TEST_WITHOUT ?? '');
  const wanted = Object.keys(REQUIREMENTS).filter((name) => !without.has(name));
  const env = { ...process.env };
  for (const name of without) if (REQUIREMENTS[name].variable) delete env[REQUIREMENTS[name].variable];

  const problems = await provide(wanted, env);
  if (problems.length > 0) {
    console.error(refusal(problems));
    return 1;
  }
  for (const name of without) say(`without ${name} (ATTAIN_TEST_WITHOUT): ${REQUIREMENTS[name].without}`);

  say('build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  if (build.status !== 0) return build.status ?? 1;

  say(`vitest run ${process.argv.slice(2).join(' ')}`.trimEnd());
  rmSync(REPORT, { force: true });
  const args = process.argv.slice(2);
  const vitest = spawnSync(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', ...args], { cwd: ROOT, stdio: 'inherit', env });
  const checked = checkReport(without, args);
  return vitest.status !== 0 ? (vitest.status ?? 1) : checked;
}

/** The names in ATTAIN_TEST_WITHOUT; an unknown name is an error rather than a silent no-op. */
function optedOut(list) {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(name in REQUIREMENTS));
  if (unknown.length > 0)
    throw new Error(
      `ATTAIN_TEST_WITHOUT: unknown ${unknown.join(', ')}; it takes a comma-separated list of ${Object.keys(REQUIREMENTS).join(', ')}`,
    );
  return new Set(names);
}

/**
 * Finds or provides each wanted requirement, setting its variable in `env`; returns what could not be provided, each
 * with how to provide it.
 */
async function provide(wanted, env) {
  const found = Object.fromEntries(await Promise.all(wanted.map(async (name) => [name, await probe(name, env)])));
  const packages = wanted.flatMap((name) => found[name].packages ?? []);
  if (packages.length > 0 && canInstall()) {
    say(`apt-get install ${packages.join(' ')}`);
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', ...packages]);
    for (const name of wanted) {
      if (!found[name].packages) continue;
      found[name] = await probe(name, env);
      if (found[name].problem) found[name].problem.what += `, even after apt-get install ${packages.join(' ')}`;
    }
  }
  if (found.postgres?.setUp && process.getuid?.() === 0) found.postgres = await setUpPostgres(found.postgres);
  const problems = [];
  for (const name of wanted) {
    const { value, problem } = found[name];
    if (problem) problems.push({ name, ...problem });
    else {
      const variable = REQUIREMENTS[name].variable;
      if (variable) env[variable] = value;
      say(`${REQUIREMENTS[name].title}: ${variable === 'ATTAIN_TEST_DATABASE_URL' ? redact(value) : value}`);
    }
  }
  return problems;
}

/** `{ value }` when present; else `{ problem, packages? }`, and for a local cluster that only needs setting up, `setUp`. */
async function probe(name, env) {
  if (name === 'postgres') return probePostgres(env);
  if (name === 'chromium') return probeChromium(env);
  return probeFonts();
}

async function probePostgres(env) {
  const preset = env.ATTAIN_TEST_DATABASE_URL;
  if (preset) {
    const error = await connectError(preset);
    if (error === undefined) return { value: preset };
    return {
      problem: {
        what: `cannot connect to ATTAIN_TEST_DATABASE_URL (${redact(preset)}): ${error}`,
        how: 'start that server, or unset ATTAIN_TEST_DATABASE_URL to let npm test use the local cluster',
      },
    };
  }
  const database = env.ATTAIN_TEST_DB_NAME || 'attain_test';
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`ATTAIN_TEST_DB_NAME: ${database} is not a plain identifier`);
  const cluster = localCluster();
  const url = `postgres://attain:attain@127.0.0.1:${cluster?.port ?? 5432}/${database}`;
  const error =
    cluster === undefined
      ? 'there is no PostgreSQL cluster'
      : cluster.online
        ? await connectError(url)
        : `cluster ${cluster.version}/${cluster.name} is down`;
  if (error === undefined) return { value: url };
  const how = postgresSteps(cluster, database);
  if (which('pg_ctlcluster') === undefined)
    return {
      packages: ['postgresql'],
      problem: { what: 'PostgreSQL is not installed (no pg_ctlcluster on PATH)', how, root: true },
    };
  return { setUp: { cluster, database, url }, problem: { what: `cannot connect to ${redact(url)}: ${error}`, how, root: true } };
}

function probeChromium(env) {
  const preset = env.ATTAIN_CHROMIUM;
  if (preset) {
    if (executable(preset)) return { value: preset };
    return { problem: { what: `ATTAIN_CHROMIUM=${preset} is not an executable file`, how: 'point it at a Chromium binary' } };
  }
  const found = which('chromium');
  if (found) return { value: found };
  return {
    packages: ['chromium'],
    problem: {
      what: 'no chromium on PATH',
      how: 'as root: apt-get install -y chromium; or set ATTAIN_CHROMIUM to a Chromium binary',
      root: true,
    },
  };
}

function probeFonts() {
  const listed = which('fc-list') && /Noto Sans CJK/i.test(run('fc-list', [':lang=zh', 'family']).stdout);
  if (listed || existsSync(CJK_FONT)) return { value: 'Noto Sans CJK' };
  return {
    packages: ['fonts-noto-cjk'],
    problem: {
      what: 'no Noto Sans CJK font (Chinese and Korean would render as boxes in the browser tests’ screenshots)',
      how: 'as root: apt-get install -y fonts-noto-cjk',
      root: true,
    },
  };
}

/** The local cluster to use (15/main when there are several): its version, name, port and whether it is up. */
function localCluster() {
  if (which('pg_lsclusters') === undefined) return undefined;
  const clusters = run('pg_lsclusters', ['--no-header'])
    .stdout.split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status === 'online' }));
  return clusters.find((c) => c.version === '15' && c.name === 'main') ?? clusters[0];
}

/** As root: starts the cluster if it is down, creates the role and the database if missing. */
async function setUpPostgres(found) {
  const { cluster, database, url } = found.setUp;
  if (cluster === undefined) return found;
  const { version, name, port } = cluster;
  if (!cluster.online) {
    say(`pg_ctlcluster ${version} ${name} start`);
    const started = run('pg_ctlcluster', [version, name, 'start']);
    if (started.status !== 0) throw new Error(`pg_ctlcluster ${version} ${name} start failed:\n${started.stderr}`);
  }
  say(`PostgreSQL: the attain role and the ${database} database, where missing`);
  for (let i = 0; i < 30 && run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).status !== 0; i++) await sleep(1000);
  const created = spawnSync('runuser', ['-u', 'postgres', '--', 'psql', '-p', String(port), '-q', '-v', 'ON_ERROR_STOP=1'], {
    cwd: '/',
    encoding: 'utf8',
    input: `SELECT 'CREATE ROLE attain LOGIN PASSWORD ''attain''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attain')\\gexec
SELECT 'CREATE DATABASE ${database} OWNER attain' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${database}')\\gexec
`,
  });
  if (created.status !== 0) throw new Error(`creating the attain role and the ${database} database failed:\n${created.stderr}`);
  const error = await connectError(url);
  return error === undefined
    ? { value: url }
    : { problem: { ...found.problem, what: `cannot connect to ${redact(url)}: ${error}` } };
}

/** The commands that provide a local test database, for someone who has to run them by hand. */
function postgresSteps(cluster, database) {
  const commands = [
    ...(which('pg_ctlcluster') === undefined ? ['apt-get install -y postgresql'] : []),
    ...(cluster?.online ? [] : [`pg_ctlcluster ${cluster?.version ?? '15'} ${cluster?.name ?? 'main'} start`]),
    `runuser -u postgres -- psql -c "CREATE ROLE attain LOGIN PASSWORD 'attain'" -c "CREATE DATABASE ${database} OWNER attain"`,
  ];
  return [
    `as root: ${commands.join('\n               ')}`,
    '(npm test does this itself as root); or set ATTAIN_TEST_DATABASE_URL to a PostgreSQL database where you may create schemas',
  ].join('\n      ');
}

function refusal(problems) {
  const lines = ['npm test cannot provide what these suites need:'];
  for (const { name, what, how } of problems) lines.push(`  - ${REQUIREMENTS[name].title}: ${what}`, `      ${how}`);
  if (problems.some((p) => p.root) && !canInstall()) {
    const why = process.getuid?.() !== 0 ? 'this is not root' : 'there is no apt-get here';
    lines.push(`npm test installs and sets these up itself from Debian's packages as root with apt-get; ${why}.`);
  }
  const names = problems.map((p) => p.name).join(',');
  lines.push(`Or run without them, and their suites are skipped, each saying why: ATTAIN_TEST_WITHOUT=${names} npm test`);
  return lines.join('\n');
}

/**
 * Fails (returns 1) on a test that did not run unless its title names an opted-out requirement's variable, and on a
 * test file that reads a wanted requirement's variable but passed no test named for it. Prints the summary line.
 */
function checkReport(without, args) {
  if (!existsSync(REPORT)) {
    console.error(`vitest wrote no report to ${path.relative(ROOT, REPORT)}`);
    return 1;
  }
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  const excused = [...without].map((name) => REQUIREMENTS[name].variable).filter(Boolean);
  const notRun = [];
  /** Skipped as asked: how many, by file and the title that says why. */
  const asked = new Map();
  for (const file of report.testResults) {
    const relative = path.relative(ROOT, file.name);
    for (const test of file.assertionResults) {
      if (test.status === 'passed' || test.status === 'failed') continue;
      const variable = excused.find((v) => test.fullName.includes(v));
      if (variable === undefined) notRun.push(`${relative}: ${test.fullName}`);
      else {
        const why = `${relative}: ${[...test.ancestorTitles, test.title].find((t) => t.includes(variable))}`;
        asked.set(why, (asked.get(why) ?? 0) + 1);
      }
    }
  }
  const filtered = args.some((arg) => arg === '-t' || arg.startsWith('--testNamePattern'));
  const missing = filtered ? [] : suitesThatDidNotRun(report, without);
  const skipped = report.numTotalTests - report.numPassedTests - report.numFailedTests;
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
  if (asked.size > 0) console.log('Skipped as ATTAIN_TEST_WITHOUT asked:');
  for (const [why, count] of asked) console.log(`  ${count} in ${why}`);
  if (filtered && notRun.length > 0) console.log('A test name filter (-t) skips tests: the skip check is off for this run.');
  const failures = [
    ...(filtered ? [] : notRun.map((test) => `did not run: ${test}`)),
    ...missing,
    ...(report.numTotalTests === 0 ? ['no tests ran'] : []),
  ];
  for (const failure of failures) console.error(failure);
  if (failures.length > 0 && notRun.length > 0 && !filtered)
    console.error('Every test must run: a test may be skipped only when ATTAIN_TEST_WITHOUT names what it needs.');
  return failures.length > 0 ? 1 : 0;
}

/** Test files that read a wanted requirement's variable must have passed a test named for it. */
function suitesThatDidNotRun(report, without) {
  const missing = [];
  for (const [name, { variable, named, title }] of Object.entries(REQUIREMENTS)) {
    if (without.has(name) || variable === undefined) continue;
    for (const file of report.testResults) {
      if (!readFileSync(file.name, 'utf8').includes(variable)) continue;
      if (file.assertionResults.some((test) => test.status === 'passed' && named.test(test.fullName))) continue;
      missing.push(`${path.relative(ROOT, file.name)} reads ${variable} but passed no test on ${title}`);
    }
  }
  return missing;
}

async function connectError(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function apt(args) {
  const result = run('apt-get', args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  return { status: result.error ? 127 : result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The command's path on PATH, if there is one. */
function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && executable(candidate)) return candidate;
  }
  return undefined;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
