/**
 * The dashboard's own words in English. Findings, plans and forecasts reuse the CLI's messages
 * (`src/render/messages-<locale>.ts`); only what the CLI never says lives here. Every language must have every key.
 */
const rules = new Intl.PluralRules('en');

/** A count and its noun, singular or plural as English takes it; the count may come already formatted ("1,234"). */
function count(n: number | string, one: string, other: string): string {
  const value = typeof n === 'number' ? n : Number(String(n).replaceAll(',', ''));
  return `${n} ${rules.select(value) === 'one' ? one : other}`;
}

export const en = {
  appName: 'attain',
  skipToContent: 'Skip to content',
  language: 'Language',
  asOf: 'As of',
  today: 'Today',
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  errorTitle: 'Something went wrong',
  notFoundTitle: 'Not found',
  notFoundText: 'This page does not exist, or your token does not give access to it.',
  back: 'Back to organizations',

  signInTitle: 'Sign in',
  signInIntro: 'Paste the access token you were given. It is kept in this browser until you sign out.',
  token: 'Access token',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInFailed: 'This token was not accepted.',
  signedInAs: (role: string, org: string | null) => (org ? `${role} · ${org}` : role),
  roleName: (role: string) => ({ admin: 'Program operator', partner: 'Partner', viewer: 'Viewer' })[role] ?? role,

  organizations: 'Organizations',
  noOrganizations: 'No organizations yet.',
  orgFacts: (people: string, customers: string, revenue: string) =>
    `${count(people, 'person', 'people')} · ${count(customers, 'customer', 'customers')} · ${count(revenue, 'revenue record', 'revenue records')}`,
  updated: (date: string) => `updated ${date}`,

  navMain: 'Organization pages',
  navOverview: 'Overview',
  navGaps: 'Why not Gold?',
  navPlan: 'Plan',
  navForecast: 'Forecast',
  navData: 'Data',
  navHistory: 'History',
  navAdmin: 'Program operator view',

  overviewTitle: 'Overview',
  progressToward: (level: string) => `Progress toward ${level}`,
  allAttained: 'Every level of this option is attained.',
  revenueBar: (counted: string, required: string) => `${counted} of ${required}`,
  noThreshold: 'no threshold published for this market',
  roleBar: (filled: number, count: number) => `${filled} of ${count}`,
  chosenPath: (path: string) => `Met by: ${path}`,
  pathOption: 'Alternative path',
  versionNote: (version: string) => `catalog version ${version}`,

  gapsTitle: (level: string) => `Why not ${level}?`,
  levelToExplain: 'Level',
  nothingMissing: 'Nothing is missing: this level is attained.',
  gapsHeading: 'What is missing',
  assignmentHeading: 'Who fills which seat',
  seat: 'Seat',
  person: 'Person',
  emptySeat: 'empty',
  seatsSummary: (filled: number, seats: number) => `${filled} of ${seats} seats filled.`,
  eligibleNote: (n: number) => count(n, 'person qualifies', 'people qualify'),
  poolNote: 'Roles in one group need different people.',
  notChosen: 'not the path that counts',

  planTitle: 'Plan',
  target: 'Target level',
  maxExams: 'At most this many exams per person',
  noLimit: 'no limit',
  noHire: 'Without hiring',
  makePlan: 'Make plan',
  planPath: (path: string) => `Path: ${path}`,
  planByPerson: 'Exams to pass, by person',
  planExams: 'Exams',
  planSeat: 'Seat',
  alreadyQualified: 'Already in a seat, nothing to do',
  whatIfTitle: 'What if someone leaves?',
  whatIfHelp: 'Exclude a person to see the plan without them.',
  exclude: (name: string) => `Exclude ${name}`,
  includeAgain: (name: string) => `Include ${name} again`,
  excluded: 'Excluded',
  nobodyExcluded: 'Nobody is excluded.',
  comparedWith: (people: string, exams: string) =>
    `Without exclusions: ${count(people, 'new person', 'new people')}, ${count(exams, 'exam', 'exams')}.`,
  alternatives: 'Other paths',
  revenueHeading: 'Revenue',

  forecastTitle: 'Forecast',
  forecastRange: (from: string, to: string) => `From ${from} to ${to}, assuming no new data`,
  forecastChart: (n: number) => `Timeline of each level's status; ${count(n, 'change', 'changes')}`,
  changesHeading: 'Dates of change',
  changeMarker: 'date of change',
  date: 'Date',
  level: 'Level',
  status: 'Status',
  cause: 'Cause',
  noChanges: 'No level changes in this period.',

  dataTitle: 'Data',
  people: 'People',
  customers: 'Customers',
  revenue: 'Revenue',
  id: 'ID',
  name: 'Name',
  exams: 'Exams',
  passed: 'Passed',
  dporPeriods: 'DPOR periods',
  openEnded: 'open',
  customer: 'Customer',
  product: 'Product',
  amount: 'Amount',
  netNew: 'Net new',
  yes: 'yes',
  no: 'no',
  filter: 'Filter',
  filterPlaceholder: 'name, id or code',
  fileOrder: 'File order',
  examCount: 'Number of exams',
  onlyNotCounting: (n: string) => `Only what does not count (${n})`,
  rowsShown: (from: string, to: string, total: string) => `${from}–${to} of ${total}`,
  previous: 'Previous',
  next: 'Next',
  uploadTitle: 'Upload data',
  uploadHelp: 'A CSV file (exams, customers, revenue, Partner Center exports) or an organization file (JSON or YAML).',
  file: 'File',
  kind: 'Kind',
  kindName: (kind: string) =>
    ({
      auto: 'Detect from the header',
      org: 'Organization file (replaces everything)',
      exams: 'Exams (CSV)',
      customers: 'Customers and DPOR (CSV)',
      revenue: 'Revenue (CSV)',
      'partner-center-trainings': 'Partner Center: trainings and exams',
      'partner-center-revenue': 'Partner Center: customers and revenue',
    })[kind] ?? kind,
  preview: 'Preview changes',
  apply: 'Apply changes',
  previewTitle: (kind: string) => `Preview (nothing saved yet) · ${kind}`,
  appliedTitle: 'Saved',
  noChange: 'Nothing would change.',
  entity: 'Records',
  added: 'Added',
  updatedCount: 'Updated',
  unchanged: 'Unchanged',
  removed: 'Removed',
  badRowsCaption: 'Every problem found, in file order',
  entityName: (e: string) =>
    ({ people: 'People', exams: 'Exam passes', customers: 'Customers', dpor: 'DPOR periods', revenue: 'Revenue records' })[e] ??
    e,
  skippedTitle: (n: number) => `${count(n, 'row', 'rows')} not imported`,
  refusedTitle: (n: number) => `Refused: ${count(n, 'problem', 'problems')}, nothing was saved`,
  line: 'Line',
  column: 'Column',
  problem: 'Problem',
  tooLarge: 'The file is too large.',
  // Imports: the file control, refusals grouped by cause, leaving bad rows out, the confirmation after saving.
  chooseFile: 'Choose a file…',
  noFileChosen: 'No file chosen',
  refusedRule: 'A file with any bad row is refused whole, so that nothing is ever half-saved.',
  causesCaption: 'Problems by cause, the most frequent first',
  moreCauses: (n: number) => `Show ${n} more cause${n === 1 ? '' : 's'}`,
  allProblems: (n: number) => `Show every problem listed (${n}), in file order`,
  skipOffer: (rows: number, shown = String(rows)) =>
    `Leave out the ${shown} row${rows === 1 ? '' : 's'} with problems and import the others?`,
  skipButton: (rows: number, shown = String(rows)) => `Preview without the ${shown} bad row${rows === 1 ? '' : 's'}`,
  leftOutPreview: (rows: number, shown = String(rows)) => `${shown} row${rows === 1 ? '' : 's'} with problems will be left out`,
  leftOutApplied: (rows: number, shown = String(rows)) =>
    `${shown} row${rows === 1 ? '' : 's'} with problems ${rows === 1 ? 'was' : 'were'} left out`,
  appliedSummary: (added: number, updated: number, removed: number) =>
    `Saved: ${added} record${added === 1 ? '' : 's'} added, ${updated} updated${removed > 0 ? `, ${removed} removed` : ''}.`,

  historyTitle: 'History of changes',
  noHistory: 'No changes recorded yet.',
  change: 'Change',
  recordedAt: 'Recorded',
  noStatus: 'none',
  causeFirst: 'first evaluation',
  causeData: 'data changed',
  causeCatalog: (version: string) => `rules changed (catalog version ${version})`,
  causeRewind: 'evaluated as of an earlier day',
  causeDate: (causes: string) => `time: ${causes}`,

  lifecycle: 'Lifecycle',
  lifecycleName: (status: string) =>
    ({ started: 'Started', qualified: 'Qualified', active: 'Active', 'at-risk': 'At risk', lapsed: 'Lapsed' })[status] ?? status,
  willBeLostOn: (date: string, cause: string) => `Will be lost on ${date}: ${cause}`,
  standingPending: 'The first evaluation is queued; the lifecycle status appears once it has run.',
  standingFailed: (code: string) => `The last evaluation failed (${code}); the lifecycle shown is from the one before.`,

  adminTitle: 'Program operator view',
  countsHeading: 'Organizations per level',
  attainedCount: (n: string) => `${n} attained`,
  atRiskHeading: (days: number) => `At risk of losing a level in the next ${count(days, 'day', 'days')}`,
  noneAtRisk: 'No organization is at risk.',
  losesOn: (level: string, date: string) => `loses ${level} on ${date}`,
  market: 'Market',
  allMarkets: 'All markets',
  any: 'Any',
  sortBy: 'Sort by',
  sortName: 'Name',
  sortAttained: 'Levels attained',
  sortRisk: 'Soonest at risk',
  organization: 'Organization',

  programAsOf: (date: string) => `Stored standings as of ${date}`,
  noStandings: 'No standings are stored yet.',
  programNeverRun: 'The program has not been run yet.',
  notAttainedCount: (n: string) => `${n} not attained`,
  undeterminedCount: (n: string) => `${n} undetermined`,
  atRiskCount: (n: string) => `${n} at risk`,
  atRiskWithin: 'At risk within (days)',
  failedOnly: 'Failed evaluations only',
  // Issue 15, item 6: individuals two organizations claim.
  claimedTitle: 'People claimed by two organizations',
  claimedHelp:
    'The program counts a person for one organization at a time. Each individual here is listed by more than one organization (the same email), or a write of one was refused because another lists their MCID: settle with both which one counts them.',
  claimedNone: 'No individual is claimed by two organizations.',
  individual: 'Individual',
  identityOf: (kind: 'mcid' | 'email', value: string) => (kind === 'mcid' ? `MCID ${value}` : `email ${value}`),
  claimListed: (date: string) => `listed; its data last changed ${date}`,
  claimRefused: (times: string, first: string, last: string) =>
    times === '1' ? `refused on ${first}` : `refused ${times} times, first on ${first}, last on ${last}`,
  notStored: 'not stored',
  search: 'Search',
  searchPlaceholder: 'name or id',
  clearFilters: 'Clear filters',
  descending: 'Descending',
  downloadCsv: 'Download CSV',
  runNow: 'Run now',
  runQueued: 'Run queued…',
  runProgress: (done: string, total: string) => `Evaluating: ${done} of ${count(total, 'organization', 'organizations')}`,
  runDone: (done: string, failed: string) =>
    `Run finished: ${count(done, 'organization', 'organizations')} evaluated, ${failed} failed`,
  evaluationFailed: (code: string) => `evaluation failed: ${code}`,
  notEvaluated: 'not evaluated yet',
  atRiskDate: (date: string) => `at risk ${date}`,
  tablePages: 'Pages of organizations',
  noMatches: 'No organization matches these filters.',

  navImpact: 'Catalog impact',
  impactTitle: 'Impact of a draft catalog',
  impactHelp: 'Every stored organization is evaluated under the current catalog and under the draft, as of the chosen day.',
  draftCatalog: 'Draft catalog (YAML or JSON)',
  computeImpact: 'Compute impact',
  impactSummary: (orgs: string, gain: string, lose: string, other: string) =>
    `${count(orgs, 'organization', 'organizations')} affected: ${count(gain, 'level', 'levels')} gained, ${lose} lost, ${count(other, 'other change', 'other changes')}`,
  impactPerLevel: 'Changes per level',
  impactChanges: 'Changed levels',
  gained: 'Gained',
  lost: 'Lost',
  otherChanges: 'Other changes',
  underCurrent: 'Current catalog',
  underDraft: 'Draft',
  levelAbsent: 'not in this catalog',
  noImpact: "The draft changes no organization's standing.",
  catalogRefused: (n: number) => `The draft catalog was refused: ${count(n, 'problem', 'problems')}`,
  changesPages: 'Pages of changes',
  location: 'Location',

  // The overview's outlook (issue 15; the level texts are src/render/outlook-messages.ts): the as-of default, the
  // option's summary, data that does not count.
  asOfLatestData: (date: string) =>
    `Showing ${date}, the latest date with data: nothing in the data falls in the twelve months before today.`,
  allAttainedUntil: (level: string, date: string) =>
    `Every level of this option is attained until ${date}, when ${level} lapses.`,
  allAttainedThrough: (date: string) => `Every level of this option is attained, with no change foreseen through ${date}.`,
  notCounted: 'Not counted',
  /**
   * Why a pass or a revenue record does not count, said in its own row, which already names the person, the exam or
   * the product: the evaluation's sentence would say them again. `date` is the code's own date (launch, retirement,
   * end of acceptance). Undefined for a code without a short form: the sentence is shown.
   */
  notCountedWhy: (code: string, date: string): string | undefined =>
    ({
      'exam.unknown': 'the exam is not in the catalog',
      'exam.future': 'passed after the date shown',
      'exam.before-launch': `passed before the exam counted for competencies (${date})`,
      'exam.after-retirement': `passed after the exam retired (${date})`,
      'exam.expired': `no longer accepted after ${date}`,
      'revenue.unknown-product': "the product is not in the catalog's product registry",
      'revenue.future': 'dated after the date shown',
    })[code],
  ignoredTitle: (n: string) => `Data that does not count (${n})`,
  ignoredHelp: 'These records are in the data but count toward no level, as of the date shown.',
  ignoredMore: (n: string) => `${n} more: see the data page`,
  revenueOutsideWindow: (asOf: string) => `dated before the twelve months up to ${asOf}`,
  revenueNotAssociated: (customer: string, date: string) =>
    `${customer} did not name you its Digital Partner of Record on ${date}`,
  customerNotCounted: (asOf: string, atAsOf: boolean) =>
    atAsOf
      ? `no DPOR on ${asOf}, so none of its revenue counts`
      : `none of its revenue in the twelve months up to ${asOf} falls in a DPOR period`,

  // Issue 15: the organizations list says what each holds; the as-of date in the page's language.
  heldAsOf: (date: string) => `Holds, as of ${date}:`,
  heldNone: (date: string) => `Holds no level as of ${date}.`,
  heldPending: 'Not evaluated yet: the program has not run since it was added.',
  dateYear: 'Year',
  dateMonth: 'Month',
  dateDay: 'Day',
};

/** The shape every language's dashboard messages must have. */
export type UiMessages = typeof en;
