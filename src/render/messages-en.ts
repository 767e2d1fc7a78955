import { anyOfMessages } from '../kinds/any-of/any-of-messages.js';
import { associationName } from '../kinds/association-words.js';
import { metricMessages } from '../kinds/metric/metric-messages.js';
import { PEOPLE_WORDS, peopleMessages } from '../kinds/people/people-messages.js';
import { pointsMessages } from '../kinds/points/points-messages.js';
import { revenueMessages } from '../kinds/revenue/revenue-messages.js';
import { CREDENTIAL_WORDS } from './credential-words.js';
import type { Messages } from './messages.js';

const C = CREDENTIAL_WORDS.en;

const plural = new Intl.PluralRules('en');
const problems = (n: number) => `${n} ${plural.select(n) === 'one' ? 'problem' : 'problems'}`;

/** Everything attain says in English. */
export const en: Messages = {
  levelStatus: { attained: 'attained', 'not-attained': 'not attained', undetermined: 'undetermined' },
  requirementStatus: { met: 'met', 'not-met': 'not met', undetermined: 'undetermined' },
  market: (m) => ({ developed: 'developed market', developing: 'developing market' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — as of ${asOf} · ${market} · catalog ${catalog}`,
  version: (id) => `version ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} of ${required}` : `${counted} (no threshold)`),
  shortBy: (amount) => `${amount} short`,
  notCounted: (a, n) => `not counted: ${a} outside DPOR, ${n} not net new`,
  seats: (filled, seats) => `${filled} of ${seats} ${plural.select(seats) === 'one' ? 'seat' : 'seats'} filled`,
  roleLine: (role, count, people) => `${role} (${count}): ${people}`,
  ofWhomLine: (count, people) => `of them, ${count} must also pass the extra exams: ${people}`,
  nobody: PEOPLE_WORDS.en.nobody,
  more: PEOPLE_WORDS.en.more,
  chosenPath: (path) => `met by: ${path}`,
  gapsTitle: 'What is missing',
  warningsTitle: 'Ignored data',
  summaryTitle: 'Summary',
  ignoredReason: {
    'exam.unknown': 'Exams not in the catalog',
    'exam.future': 'Exams passed after the evaluation date',
    'exam.before-launch': 'Exams passed before they counted for competencies',
    'exam.after-retirement': 'Exams passed after they retired',
    'exam.expired': 'Exams no longer accepted',
    'credential.expired': 'Certifications and other credentials past their validity',
    'revenue.unknown-product': "Revenue on products not in the catalog's product registry",
    'revenue.future': 'Revenue dated after the evaluation date',
  },
  ignoredOthers: (n) => `${n.toLocaleString('en')} ${plural.select(n) === 'one' ? 'other' : 'others'}`,
  ignoredMore: (n) => `… and ${n.toLocaleString('en')} more`,
  ignoredAll: 'Every ignored item: --all-ignored, or --format json.',
  allOf: (items) => `all of ${items.join(', ')}`,
  oneOf: (items) => `one of ${items.join(', ')}`,
  credential: (type, code) => C.named(type, code),
  ofWhom: (formula, count, of, extra) => `${formula}, and ${count} of the same ${of} also ${extra}`,
  unknownCode: (code, facts) =>
    `A problem this version of attain has no description for (code ${code})${facts ? `: ${facts}` : ''}.`,
  issueTitle: (file, count) => `${file}: ${problems(count)} found; nothing was evaluated.`,
  importTitle: (file, count) => `${file}: ${problems(count)} found; nothing was imported.`,
  importMoreCauses: (n) =>
    `… and ${n.toLocaleString('en')} more ${plural.select(n) === 'one' ? 'cause' : 'causes'}: --format json lists every problem`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)} ${plural.select(count) === 'one' ? 'row' : 'rows'}${lines.length === 0 ? '' : ` — ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}${count > lines.length ? `, … and ${f.number(count - lines.length)} more` : ''}`}`,
  forecast: {
    title: (from, to) => `Forecast from ${from} to ${to}, assuming no new data`,
    noChange: 'no change',
    absent: 'not in the catalog version in effect',
    starts: (status) => `added to the catalog, ${status}`,
    ends: 'dropped from the catalog',
    times: (n) => `(${n}×)`,
    atRiskTitle: (days) =>
      `Levels lost within ${days} ${plural.select(days) === 'one' ? 'day' : 'days'}, and what would prevent it`,
    noRisk: 'No level is lost in that time.',
    lostOn: (level, date) => `${level}: lost on ${date}`,
    toKeep: 'To keep it (plan for that date):',
  },
  plan: {
    title: (target, asOf) => `Plan for ${target} as of ${asOf}`,
    cost: (people, exams) =>
      `${people} new ${plural.select(people) === 'one' ? 'person' : 'people'}, ${exams} ${plural.select(exams) === 'one' ? 'exam' : 'exams'}`,
    credentialCost: (people, n) =>
      `${people} new ${plural.select(people) === 'one' ? 'person' : 'people'}, ${n} ${plural.select(n) === 'one' ? 'credential' : 'credentials'}`,
    alternative: (path) => `instead of ${path}`,
    infeasible: 'No plan meets this level as of this date:',
    thisLevel: 'this level',
    stepsTitle: 'Who should sit which exam:',
    credentialStepsTitle: 'Who should earn which credential:',
    newPerson: (id) => `${id} (new hire)`,
    revenueTitle: 'Revenue (cannot be planned with exams):',
    revenueMet: 'met',
    revenueShort: (amount) => `${amount} short`,
    noThreshold: 'no threshold for this market',
    blockerTitle: 'What stops this level, and no exam can fix:',
    newHires: (count) => `${count} new ${plural.select(count) === 'one' ? 'person' : 'people'}, each`,
  },
  cli: {
    usageTitle: 'Usage:',
    commandHelp: (command) => `attain ${command} --help lists its options.`,
    commandsHelp: 'attain --help lists the commands.',
    internal: (message) => `internal error: ${message}`,
    debugHint: 'Set ATTAIN_DEBUG=1 to see where it happened, and please report it.',
    progress: (done, count, total) => `${done} ${count}${total === null ? '' : ` of ${total}`} organizations`,
    phases: {
      reading: (what) => `reading ${what}`,
      opening: (what) => `opening the store in ${what}`,
      // PGlite's initdb, run in WebAssembly, is most of a first import's time: 5-15 s on a busy machine.
      creating: (what) => `creating a new store in ${what} (first use only: takes several seconds)`,
      server: (what) => `sending the file to ${what}`,
      planning: (what) => `checking the file (${what}) against the organization`,
      writing: (what) => `writing ${what} records in one transaction`,
    },
    tokenCreated: (id, role, org) => `token ${id} (${role}${org ? ` for ${org}` : ''}); the secret above is shown only once`,
    tokenLive: 'live',
    tokenRevokedOn: (at) => `revoked ${at}`,
    tokenRevoked: (id) => `revoked ${id}`,
    serving: (url, docs, store) => `attain is serving ${url}\n  API reference: ${docs}\n  store: ${store}`,
    adminToken: (secret) => `  admin token (shown once): ${secret}`,
    signIn: '  sign in with an admin token (`attain token create --role admin`, or restart with --new-admin-token)',
    workerRunning: (store, concurrency, nightly) =>
      `attain worker: running jobs on ${store} (${concurrency} at once${nightly ? `, nightly at ${nightly} UTC` : ''})`,
    runDone: (id, asOf, store, organizations, seconds) =>
      `Run ${id} as of ${asOf} on ${store}: ${organizations} organizations in ${seconds} s`,
    runFailed: (failed) => `, ${failed} failed (see attain run's JSON or the operator page)`,
    levelCount: (attained, atRisk) => `${attained} attained${atRisk > 0 ? `, ${atRisk} at risk within 90 days` : ''}`,
    impactTitle: (draft, asOf, organizations, failed) =>
      `Impact of ${draft} as of ${asOf}: ${organizations} organizations compared${failed > 0 ? `, ${failed} failed` : ''}`,
    impactTotals: (gained, lost, other, organizations) =>
      `${gained} levels gained, ${lost} lost, ${other} other changes, in ${organizations} organizations`,
    impactOther: (other) => ` (${other} other)`,
    impactMore: (more) => `… and ${more} more (--format json lists every change)`,
    alertSecret: (id) =>
      `alert subscription ${id}: the signing secret above is shown only once; give it to the receiver to check X-Attain-Signature`,
    alertRemoved: (id) => `alert subscription ${id} removed, with its send log`,
  },
  codes: {
    ...revenueMessages.en,
    ...peopleMessages.en,
    ...anyOfMessages.en,
    ...metricMessages.en,
    ...pointsMessages.en,
    'revenue.excluded': (p, f) =>
      `${f.money(p.amount)} of revenue on these products was dated outside its customer's DPOR period and did not count.`,
    'people.cap': (p, f) =>
      `Met on its own, but one person may count toward at most ${f.plural(p.cap, { one: '# competency', other: '# competencies' })}, and the people it needs are counted toward ${f.and(p.competencies.map((c) => f.competency(c)))}.`,
    'exam.unknown': (p, f) => `${f.person(p.person)}: exam ${p.exam} is not in the catalog; ignored.`,
    'exam.future': (p, f) =>
      `${f.person(p.person)}: ${C.named(p.type, p.exam)} ${C.earned(p.type)} ${f.date(p.passed)}, after the evaluation date; not counted yet.`,
    'exam.before-launch': (p, f) =>
      `${f.person(p.person)}: ${C.named(p.type, p.exam)} ${C.earned(p.type)} ${f.date(p.passed)}, before it counts for competencies (${f.date(p.launched)}); not counted.`,
    'exam.after-retirement': (p, f) =>
      `${f.person(p.person)}: ${C.named(p.type, p.exam)} ${C.earned(p.type)} ${f.date(p.passed)}, after it retired (${f.date(p.retired)}); not counted.`,
    'exam.expired': (p, f) =>
      `${f.person(p.person)}: ${C.named(p.type, p.exam)} is no longer accepted after ${f.date(p.acceptedUntil)}; not counted.`,
    'credential.expired': (p, f) =>
      `${f.person(p.person)}: ${C.named(p.type, p.exam)} ${C.earned(p.type)} ${f.date(p.passed)} was valid until ${f.date(p.expires)}; not counted.`,
    'revenue.unknown-product': (p) => `Product "${p.product}" is not in the catalog's product registry; its revenue is ignored.`,
    'revenue.future': (p, f) => `Revenue dated ${f.date(p.date)} is after the evaluation date; not counted yet.`,

    'revenue.enters': (p, f) => `revenue dated ${f.date(p.date)} starts to count`,
    'revenue.leaves': (p, f) => `revenue of ${f.date(p.date)} (${f.product(p.product)}) leaves the trailing twelve months`,
    'exam.counts': (p, f) =>
      p.type === undefined || p.type === 'exam'
        ? `a pass of ${p.exam} dated ${f.date(p.passed)} starts to count`
        : `${C.named(p.type, p.exam)} ${C.earned(p.type)} ${f.date(p.passed)} starts to count`,
    'exam.expires': (p, f) => `${C.named(p.type, p.exam)} no longer accepted after ${f.date(p.acceptedUntil)}`,
    'credential.expires': (p, f) =>
      `${f.person(p.person)}'s ${C.named(p.type, p.exam)} (${C.earned(p.type)} ${f.date(p.passed)}) is valid until ${f.date(p.expires)}`,
    'dpor.starts': (p) => `a DPOR association (${p.customer}) starts`,
    'dpor.ends': (p) => `a DPOR association (${p.customer}) ends`,
    'version.starts': (p) => `catalog version ${p.version} takes effect`,
    'association.starts': (p) => `${p.customer} starts to credit you as ${associationName('en', p.type)}`,
    'association.ends': (p, f) =>
      `${p.customer} no longer credits you as ${associationName('en', p.type)} after ${f.date(p.date)}`,

    'plan.already-met': (p) => `The people requirements are already met${p.pathName ? ` (${p.pathName})` : ''}: nothing to do.`,
    'plan.single-path': () => 'The cheapest way to fill every seat:',
    'plan.only-feasible': (p) => `Path: ${p.pathName}, the only one that can still be completed.`,
    'plan.cheapest': (p) => `Path: ${p.pathName}, the cheapest of the alternatives.`,
    'plan.infeasible': () => 'No plan meets this level as of this date.',
    'plan.needs-hires': (p, f) =>
      `impossible without hiring (${f.plural(p.hires, { one: '# new person', other: '# new people' })} needed)`,
    'plan.closed': (p, f) => `impossible: no one can newly pass the exams of ${f.and(p.roles)} (not launched yet, or retired)`,
    'plan.limit': () => 'impossible within the limit of exams per person',

    'org.type': (p) => `expected ${p.expected}, found ${p.actual}`,
    'org.required': (p) => `the field "${p.field}" is required`,
    'org.enum': (p) => `must be one of ${p.expected}, found "${p.actual}"`,
    'org.date.invalid': (p) => `"${p.value}" is not a date (YYYY-MM-DD, a real calendar day)`,
    'org.amount.invalid': (p) => `"${p.value}" is not a decimal amount (write 1234.56)`,
    'org.count.invalid': (p) => `"${p.value}" is not a whole number of zero or more (write 25)`,
    'org.fx.missing': (p) => `no exchange rate for ${p.currency}: add it to "fx" as the value of one unit in USD`,
    'org.fx.invalid': (p) => `the exchange rate ${p.value} must be greater than zero`,
    'org.customer.unknown': (p) => `customer "${p.customer}" is not listed in "customers"`,
    'org.id.duplicate': (p) => `the id "${p.id}" is used twice`,
    'org.id.too-long': (p, f) =>
      `the id has ${f.number(p.length)} characters; at most ${f.number(p.max)}, as every URL of the organization holds it`,
    'org.email.invalid': (p) => `"${p.value}" is not an email address (name@domain)`,
    'org.mcid.duplicate': (p) => `the MCID "${p.mcid}" is already that of the person at ${p.first}`,
    'org.mcid.taken': (p) =>
      `the MCID "${p.mcid}" of person "${p.person}" is already in organization "${p.organization}": the program counts a person for one organization at a time, so remove them there first`,
    'org.mcid.taken-elsewhere': (p) =>
      `the MCID "${p.mcid}" of person "${p.person}" is already in another organization: the program counts a person for one organization at a time`,
    'org.period.reversed': (p) => `the period ends (${p.to}) before it starts (${p.from})`,
    'org.issues.truncated': (p, f) => `only the first ${f.number(p.shown)} of ${problems(p.total)} are listed`,
    'org.id-mismatch': (p) => `the body's id "${p.value}" is not the address's "${p.expected}"`,

    'input.unreadable': (p) => `cannot read the file: ${UNREADABLE[p.reason] ?? p.reason}`,
    'input.malformed-json': (p) =>
      `not valid JSON: ${
        p.found === undefined
          ? p.detail
          : p.found === ''
            ? 'the text ends before the JSON does'
            : `unexpected ${JSON.stringify(p.found)}`
      }${near(p.excerpt)}`,
    'input.malformed-yaml': (p) => `not valid YAML: ${p.detail}${near(p.excerpt)}`,
    'input.date.range': (p) => `"${p.value}" is outside the dates attain reads (${p.first} to ${p.last})`,
    'input.amount.digits': (p) =>
      `"${p.value}" has more digits than an amount may: at most ${p.integerDigits} before the decimal point and ${p.fractionDigits} after`,
    'input.number.inexact': (p) =>
      `the number ${p.value} has more digits than a JSON or YAML number holds exactly (15): write it in quotes, as a string`,
    'input.nul': () => 'a NUL character (U+0000) is not allowed here',
    'input.utf8': (p) => `not UTF-8 text: byte ${p.offset} (counting from 0) is not valid UTF-8; save the file as UTF-8`,
    'input.yaml.aliases': (p, f) =>
      `the YAML aliases (*name) repeat too much: at most ${f.plural(p.aliases, { one: '# alias', other: '# aliases' })}, standing for at most ${f.plural(p.characters, { one: '# character', other: '# characters' })} in all`,
    'input.rows': (p, f) => `more than ${f.plural(p.limit, { one: '# row', other: '# rows' })}: split it into several files`,

    'catalog.issues.truncated': (p, f) => `only the first ${f.number(p.shown)} of ${problems(p.total)} are listed`,
    'catalog.exam.unknown': (p) => `exam ${p.code} is not in the exam registry`,
    'catalog.exam.conflicting-titles': (p) => `exam ${p.code} is listed twice with different titles (first at ${p.first})`,
    'catalog.exam.duplicate': (p) => `exam ${p.code} is listed twice (first at ${p.first})`,
    'catalog.exam.retired-before-launch': (p) => `exam ${p.code} retires before it launches`,
    'catalog.exam.accepted-until-before-retirement': (p) =>
      `exam ${p.code} stops being accepted before it retires: acceptedUntil must be on or after retired`,
    'catalog.formula.repeated-exam': (p) =>
      `exam ${p.code} appears twice in one formula (first at ${p.first}): a transcription error?`,
    'catalog.formula.empty': () => 'this list of exams is empty: name at least one exam',
    'catalog.formula.too-complex': (p, f) =>
      `this exam formula expands to ${f.plural(p.alternatives, { one: '# alternative', other: '# alternatives' })}, more than ${f.number(p.limit)}: simplify it`,
    'catalog.product.unknown': (p) => `product ${p.id} is not in the product registry`,
    'catalog.product.duplicate': (p) => `the product id or alias "${p.id}" is used twice`,
    'catalog.role.empty': (p) => `role ${p.role} needs no one (count 0)`,
    'catalog.role.of-whom-exceeds': (p) =>
      `role ${p.role}: ${p.count} of the same people cannot be more than the role's ${p.of} (ofWhom.count must be at most count)`,
    'catalog.pool.empty': (p) => `pool ${p.pool} has no roles: state at least one`,
    'catalog.people.empty': () => 'this people requirement has no pools: state at least one',
    'catalog.path.empty': () => 'this path has no requirements, so it would always be met: state at least one',
    'catalog.version.overlap': (p) => `version ${p.version} takes effect on the same date as ${p.other}`,
    'catalog.text.missing-locale': (p) => `no ${p.locale} text`,
    'catalog.id.duplicate': (p) => `the ${p.what} id "${p.id}" is used twice`,
    'catalog.date.invalid': (p) => `"${p.value}" is not a date (YYYY-MM-DD, a real calendar day)`,
    'catalog.level.empty': (p) =>
      `level ${p.level} has no requirement, so every organization would attain it; state at least one`,
    'catalog.threshold.missing-market': (p) =>
      `no threshold for the ${p.market} market, so no organization there could be decided; give an amount, \`all: AMOUNT\` for every market, or \`${p.market}: unpublished\` if the program publishes none`,
    'catalog.threshold.unknown-market': (p) => `"${p.market}" is not one of the catalog's markets`,
    'catalog.threshold.invalid': (p) =>
      `the threshold "${p.value}" is not an amount of zero or more (write 50000, or \`unpublished\`)`,
    'catalog.level.extends-unknown': (p) => `level ${p.level} extends "${p.extends}", which is not a level of the same option`,
    'catalog.level.extends-cycle': (p) =>
      `levels extend each other in a circle (${p.levels}); one of them must state its requirements`,
    'catalog.value.null': (p) =>
      `"${p.key}" has no value (null). In YAML a comma inside { … } or [ … ] ends an entry, so 100,000 reads as 100 followed by a key "000" without a value: write 100000, or quote text that holds a comma ("Total revenue, cloud")`,
    'catalog.schema': (p) => `not what a catalog has here: ${p.detail}`,
    'catalog.format.id': (p) => `"${p.value}" is not an id: an id is lower-case letters, digits and hyphens`,
    'catalog.format.date': (p) => `"${p.value}" is not a date: write YYYY-MM-DD, in quotes`,
    'catalog.format.currency': (p) => `"${p.value}" is not a currency: write its three-letter ISO 4217 code, such as USD`,
    'catalog.format.every-market': () => '"all" stands for every market in thresholds; name the market otherwise',

    'forecast.range.reversed': (p) => `the range must end (${p.to}) after it starts (${p.from})`,
    'forecast.range.too-long': (p, f) =>
      `the range is ${f.plural(p.days, { one: '# day', other: '# days' })} long; at most ${f.number(p.max)}`,
    'plan.unknown-person': (p) => `these people are not in the organization: ${p.people}`,
    'plan.unknown-target': (p) => `unknown target "${p.target}"; the targets are ${p.known}`,

    'store.batch.failed': (p) => `the batch was not written: ${p.detail}`,
    'store.conflict': (p) => `organization "${p.id}" was changed by another writer while this change was prepared`,
    'store.not-found': (p) => `there is no organization "${p.id}" in the store`,
    'store.disk-full': (p) =>
      `the store's disk is full${p.dir ? ` (${p.dir}: ${p.free} MB free, ${p.reserve} MB kept in reserve)` : ''}; writes are refused until space is freed`,
    'store.read-only': (p) =>
      `the store's files cannot be written${p.dir ? ` (${p.dir})` : ''}; writes are refused until they can be`,
    'store.unavailable': () => 'the database does not answer; try again shortly',
    'store.corrupt': (p) =>
      p.what ? `the store holds an unreadable ${p.what}` : 'the store holds data attain cannot read; the server log says where',
    'store.fault': () => 'the store failed; the server log has the details',
    'store.locked': (p) =>
      p.pid === undefined
        ? `${p.dir} is in use by another process; close it first`
        : `${p.dir} is in use by process ${p.pid}; close it first`,
    'store.migration.failed': (p) =>
      `the store's tables could not be set up${p.migration ? ` (${p.migration})` : ''}: ${p.reason}`,
    'store.duplicate': (p) => `a record repeats a key: ${p.detail}`,
    'store.reference.unknown': (p) => `a record refers to something not stored: ${p.detail}`,
    'store.person.unknown': (p) => `the organization has no person "${p.person}": import the people first`,
    'store.customer.unknown': (p) => `the organization has no customer "${p.customer}": import the customers first`,
    'store.organization.duplicate': (p) => `organization "${p.id}" is given twice (first at ${p.first})`,
    'store.limit.invalid': (p) => `"${p.limit}" is not a whole number in the range this list takes`,
    'store.schema.invalid': (p) => `"${p.schema}" is not a plain lower-case schema name`,
    'store.token.invalid': (p) =>
      p.role === 'admin'
        ? 'an admin token is not tied to an organization'
        : `a ${p.role} token needs the organization it may see`,
    internal: () => 'internal error; the server log has the details',
    'compute.timeout': (p, f) => `the ${p.task} took longer than the server allows (${f.number(p.ms)} ms); try again shortly`,

    'serve.port.in-use': (p) => `${p.host}:${p.port} is already in use (another attain serve?); choose another with --port`,
    'serve.port.denied': (p) => `${p.host}:${p.port} may not be used by this user; choose a port above 1023 with --port`,
    'serve.port.failed': (p) => `cannot listen on ${p.host}:${p.port} (${p.detail})`,
    'auth.rate-limited': (p, f) =>
      `too many failed authentications from this address; try again in ${f.plural(p.retryAfter, { one: '# second', other: '# seconds' })}`,
    'auth.required': () => 'sign in: send Authorization: Bearer TOKEN',
    'auth.invalid': () => 'the token is unknown or revoked',
    'auth.forbidden': () => 'this token may not do this',
    'org.not-found': () => 'there is no such organization, or this token may not see it',
    'token.not-found': () => 'there is no such token',
    'route.not-found': () => 'there is nothing at this address',
    'request.too-large': () => 'the request body is larger than the server accepts',
    'request.parameter': (p, f) =>
      `${p.name} must be ${p.expected === 'date' ? 'a date YYYY-MM-DD from 1900-01-01 to 9999-12-31' : `a whole number of at least ${f.number(p.min ?? 0)}`}, not "${p.value}"`,
    'request.invalid': (p) => `the request is not what this route takes: ${p.reason}`,
    'request.json': (p) => `the body is not JSON: ${p.reason}`,
    'program.level.invalid': (p) => `"${p.value}" is not a level, written COMPETENCY/OPTION/LEVEL`,
    'program.override.invalid': (p) => `"${p.status}" is not a lifecycle status`,
    'token.org-required': (p) => `a ${p.role} token needs the organization it may see`,
    'alert.url.invalid': (p) =>
      ({
        malformed: `"${p.url}" is not a web address`,
        scheme: `a webhook address must start with https://, not "${p.url}"`,
        'http-host': `plain http only reaches the hosts the operator lists in ATTAIN_ALERT_HTTP_HOSTS; use https for "${p.url}"`,
        credentials: 'a webhook address must not carry a user name or password',
      })[p.reason],
    'alert.not-found': (p) =>
      p.id === undefined ? 'there is no such alert subscription' : `there is no alert subscription "${p.id}"`,
    'cli.server.unreachable': (p) =>
      `the attain serve at ${p.url} holds the store but does not answer (${p.reason}); stop it, or wait until it answers`,
    'cli.server.answer': (p) => `the running attain serve answered ${p.status} without an error of its own`,
    'cli.server.option': (p) =>
      `--${p.option} cannot apply while attain serve holds the store: the server's own catalog is used; stop the server to use another`,
    'cli.server.too-large': (p) =>
      `organization "${p.id}" is ${p.megabytes} MB, more than the running server accepts in one request; stop the server and load it directly`,
    'cli.server.jobs': () =>
      'attain serve runs the jobs of this embedded store itself; a worker is for PostgreSQL (DATABASE_URL)',
    'cli.command.unknown': (p) => `unknown command "${p.command}"${p.near === undefined ? '' : `; did you mean "${p.near}"?`}`,
    'cli.option.unknown': (p) => `unknown option --${p.option}${p.near === undefined ? '' : `; did you mean --${p.near}?`}`,
    'cli.option.value': (p) => `--${p.option} needs a value (${p.value})`,
    'cli.option.choice': (p) => `--${p.option} must be one of ${p.choices}, not "${p.value}"`,
    'cli.option.date': (p) => `--${p.option} must be a date YYYY-MM-DD, not "${p.value}"`,
    'cli.option.number': (p) =>
      p.unit === 'port'
        ? `--${p.option} must be a port number (0 to 65535), not "${p.value}"`
        : `--${p.option} must be a whole number${p.unit === 'days' ? ' of days' : ''} ${
            p.max === undefined ? `of at least ${p.min}` : `from ${p.min} to ${p.max}`
          }, not "${p.value}"`,
    'cli.option.nightly': (p) => `--nightly must be "minute hour" (as "30 2" for 02:30), not "${p.value}"`,
    'cli.arguments.missing': (p) => `${p.command} needs more: attain ${p.usage}`,
    'cli.organization.one': () => 'name one organization: a file, or one --org ID',
    'cli.load.no-files': (p) => `no organization files (.json, .yaml, .yml, .ndjson, .jsonl) in ${p.paths}`,
    'cli.token.unknown': (p) => `no live token "${p.id}" (attain token list shows them)`,
    'cli.env.number': (p) => `${p.name} must be a whole number of MiB, not "${p.value}"`,
    'cli.data-dir.not-directory': (p) =>
      `${p.dir}: a file is in the way, so the directory cannot be made; the store needs a directory of its own`,
    'cli.output.failed': (p) => `cannot write the output: ${UNWRITABLE[p.reason] ?? p.reason}`,
    'load.duplicate': (p) => `organization "${p.id}" is already loaded from ${p.first}; this one is not loaded`,

    'import.busy': (p, f) =>
      `organization "${p.org}" kept changing while the import was applied (${f.plural(p.attempts, { one: '# attempt', other: '# attempts' })}); try again`,
    'import.empty': () => 'the file is empty: there is nothing to import',
    'import.kind.undetected': (p) =>
      `cannot tell what this ${p.format} file holds${p.header ? ` (header: ${p.header})` : ''}; name its kind: ${p.kinds}`,
    'import.kind.format': (p) => `a ${p.kind} import cannot be read from ${p.format}`,
    'import.kind.unknown': (p) => `unknown import kind "${p.kind}"; the kinds are auto, ${p.known}`,
    'import.csv.unterminated-quote': () => 'a quoted field is never closed: a closing " is missing',
    'import.csv.stray-quote': () =>
      'a " inside a field that is not quoted, or text after a closing ": quote the whole field and write each " in it twice ("")',
    'import.csv.field-count': (p, f) =>
      `this row has ${f.plural(p.actual, { one: '# field', other: '# fields' })}, the header has ${p.expected}`,
    'import.csv.columns': (p, f) =>
      `the header has ${f.number(p.actual)} columns, more than ${f.number(p.limit)}: not a file attain reads`,
    'import.csv.header': (p, f) =>
      `the header is ${f.number(p.actual)} characters long, more than ${f.number(p.limit)}: not a file attain reads`,
    'import.column.unknown': (p) => `unknown column "${p.value}"; the columns are ${p.expected}`,
    'import.column.duplicate': (p) => `the column "${p.value}" appears twice`,
    'import.column.missing': (p) => `the column "${p.field}" is missing`,
    'import.required': (p) => `"${p.field}" is required`,
    'import.date.invalid': (p) => `"${p.value}" is not a date (${p.expected}, a real calendar day)`,
    'import.month.invalid': (p) => `"${p.value}" is not a month (${p.expected})`,
    'import.amount.invalid': (p) =>
      `"${p.value}" is not a plain decimal amount (write -1234.56: no exponent, no thousands separators, no currency sign)`,
    'import.boolean.invalid': (p) => `"${p.value}" is not true or false`,
    'import.fx.missing': (p) =>
      `no exchange rate for ${p.currency}: first add it to the organization's "fx" (the value of one unit in ${p.base})`,
    'import.customer.unknown': (p) => `customer "${p.value}" is not in the organization: import the customers file first`,
    'import.product.unknown': (p) => `product "${p.value}" is not in the catalog's product registry`,
    'import.conflict': (p) => `"${p.id}" is named "${p.value}" here but "${p.other}" on line ${p.otherLine}`,
    'import.email.invalid': (p) => `"${p.value}" is not an email address (name@domain)`,
    'import.mcid.conflict': (p) => `"${p.id}" has the MCID "${p.value}" here but "${p.other}" on line ${p.otherLine}`,
    'import.period.reversed': (p) => `the DPOR period ends (${p.to}) before it starts (${p.from})`,
    'import.period.incomplete': (p) => `a DPOR period that ends on ${p.value} needs a start (dpor_from)`,
    'import.org.missing': (p) => `organization "${p.org}" does not exist: import its organization file first`,
    'import.org.id-mismatch': (p) => `this file is organization "${p.value}", not "${p.expected}"`,
    'import.json.shape': (p) => `expected a JSON ${p.expected} of records, found ${p.actual}`,
    'import.issues.truncated': (p, f) => `only the first ${f.number(p.shown)} of ${problems(p.total)} are listed`,
    'import.skip.not-an-exam': (p) => `"${p.title}" is ${p.type ? `a ${p.type}` : 'training'}, not an exam; not imported`,
    'import.skip.no-exam-code': (p) => `"${p.title}" has no exam code; not imported`,
    'import.skip.inactive': (p) => `${p.exam}: the person's status is "${p.status}", not Active; not imported`,
    'import.skip.no-identity': (p) => `${p.exam}: no MCPID, CorpEmail or Email says who passed it; not imported`,
    'import.skip.no-date': (p) => `${p.exam}: no completion date; not imported`,
    'import.skip.consumption-only': (p) =>
      `product "${p.value}" is not in the catalog's product registry: only the row's Azure consumption was imported`,
    'import.skip.no-end-date': (p) => `subscription ${p.id} is ${p.status} but has no end date to end it on; not imported`,
    'import.attribution.unknown': (p) => `"${p.value}" is not an attribution type attain knows (${p.expected})`,
    'import.count.invalid': (p) =>
      `"${p.value}" is not a whole number of zero or more (write 25: no decimals, no thousands separators)`,
    'import.state.unknown': (p) => `"${p.value}" is not a subscription state attain knows (${p.expected})`,
    'import.dates.reversed': (p) => `it ends (${p.to}) before it starts (${p.from})`,
    'import.expiry.reversed': (p) => `it expires (${p.value}) before it was earned (${p.from})`,
    'import.subscription.conflict': (p) =>
      `subscription "${p.value}" is also on line ${p.otherLine}, with other seats, dates or state`,
    'import.exam.unknown': (p) => `exam "${p.value}"${p.title ? ` ("${p.title}")` : ''} is not in the catalog's exam registry`,
    'import.rows.skippable': (p) =>
      `leaving out the ${p.rows} ${plural.select(p.rows) === 'one' ? 'row' : 'rows'} with problems would import the others: attain import --skip-invalid, or skipInvalid=true in the API`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `new customer ${p.id} has the same name as ${p.existing} ("${p.name}"): one customer under two ids?`
        : `new person ${p.id} has the same name as ${p.existing} ("${p.name}"): one person under two ids?`,
    'import.notice.subscription-kept': (p) =>
      `subscription ${p.id} is already stored with other seats or dates and was kept as it is: an import only adds (replace the organization to change it)`,
  },
};

/** What the system's refusal to read a file means, by its code; other codes are shown as they are. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file (ENOENT)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  EISDIR: 'it is a directory, not a file (EISDIR)',
  EMFILE: 'too many files are open (EMFILE)',
  EIO: 'the disk could not be read (EIO)',
};

/** What the system's refusal to write the output means, by its code. */
const UNWRITABLE: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  EFBIG: 'the file is too large (EFBIG)',
  EIO: 'the disk could not be written (EIO)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
};

function near(excerpt: string | undefined): string {
  return excerpt === undefined ? '' : ` (at \`${excerpt}\`)`;
}
