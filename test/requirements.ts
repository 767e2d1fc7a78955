/**
 * Why a suite that needs something outside Node did not run, for its skipped test's title. `npm test`
 * (scripts/test.mjs) provides both and fails on any skipped test whose title does not name a requirement that
 * ATTAIN_TEST_WITHOUT opted out of; it recognizes a requirement by the variable named here.
 */
export const NEEDS_POSTGRES = 'skipped: needs PostgreSQL, set ATTAIN_TEST_DATABASE_URL (npm test does)';
export const NEEDS_CHROMIUM = 'skipped: needs Chromium, set ATTAIN_CHROMIUM (npm test does)';

/** A PostgreSQL suite's title: as given when ATTAIN_TEST_DATABASE_URL is set, else with why the suite is skipped. */
export function postgresTitle(title: string): string {
  return process.env.ATTAIN_TEST_DATABASE_URL === undefined ? `${title} — ${NEEDS_POSTGRES}` : title;
}
