import type { Catalog } from '../../catalog/catalog-types.js';
import type { Day } from '../../core/day.js';
import type { ExamPass } from '../../engine/organization.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import type { SkippedRow } from '../import-plan.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';

/**
 * Partner Center Insights "Trainings, exams and certifications" export. Only the columns read are required; the
 * export has more, and Microsoft adds columns over time.
 */
export const PARTNER_CENTER_TRAININGS_COLUMNS: ColumnSpec = {
  required: ['TrainingTitle', 'TrainingType', 'TrainingCompletionDate', 'IndividualFirstName', 'IndividualLastName', 'MCPID'],
  optional: [
    'PGAMpnId',
    'TrainingActivityId',
    'Email',
    'CorpEmail',
    'ExpirationDate',
    'ActivationStatus',
    'Month',
    'MpnId',
    'PartnerName',
    'PartnerCityLocation',
    'PartnerCountryLocation',
    'MCID',
  ],
  otherColumns: 'ignore',
};

/** Exam codes as titles write them: "MB2-714", "MB2 714", "70-534", "AZ-100". Compiled once, reset per use. */
const EXAM_CODE = /\b(?:[A-Za-z]{1,3}\d?|\d{2})[-\s]?\d{3}\b/g;
/** Names written family name first, without a space, when both parts are in these scripts: 王 + 小明 is 王小明. */
const FAMILY_FIRST = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

/**
 * Reads passed exams. Decisions, and why:
 * - Identity: a person is their MCP ID, the id Microsoft keys a certification transcript by, and carries it as their
 *   MCID (or the MCID column's value, when the export has one), so that a person of the organization with that MCID
 *   is the one the row means whatever id they were given. It stays with the
 *   person across employers and e-mail changes, and it is not personal contact data to show in every report. A row
 *   without one is linked by e-mail (CorpEmail, then Email) to an MCP ID given on another row of the file, or else
 *   keyed by the e-mail itself; a row with neither is skipped. To merge with a hand-made organization file, give its
 *   people their MCID; a new person named like an existing one is reported as a notice.
 * - Name: "First Last", or family name first without a space for Chinese, Japanese and Korean names; the name on the
 *   person's latest pass wins. It fills in a missing name only, never overwrites one the organization has.
 * - Exams: rows whose TrainingType is an exam (courses and certifications are skipped), with a code in the title,
 *   stored as the registry writes it. A code the registry does not know is an unknown reference, refused as in every
 *   other kind (`import.exam.unknown`) unless the import leaves such rows out. The completion date is the pass date.
 * - ActivationStatus other than Active (the person is no longer associated with the partner) is skipped: the program
 *   counts a person's certifications for one organization at a time. An empty status is imported.
 * - ExpirationDate, when the row has one, is the last day the credential is valid (`expires`): certifications and
 *   some credentials expire, and the catalog says which count until when. An empty cell is a credential that does not
 *   expire; retirement and the grace year of an exam remain catalog facts.
 */
export function readPartnerCenterTrainings(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const titleAt = at('TrainingTitle');
  const typeAt = at('TrainingType');
  const dateAt = at('TrainingCompletionDate');
  const firstAt = at('IndividualFirstName');
  const lastAt = at('IndividualLastName');
  const mcpAt = at('MCPID');
  const emailAt = at('Email');
  const corpEmailAt = at('CorpEmail');
  const statusAt = at('ActivationStatus');
  const mcidAt = at('MCID');
  const expiresAt = at('ExpirationDate');

  // Read once, kept: the identities linked from every row are needed before any row is read for its exam.
  const rows = [...sheet.rows()];
  const linked = new Map<string, string>();
  for (const row of rows) {
    const mcp = sheet.cell(row, mcpAt);
    if (mcp === '') continue;
    for (const column of [corpEmailAt, emailAt]) {
      const email = sheet.cell(row, column).toLowerCase();
      if (email !== '' && !linked.has(email)) linked.set(email, mcp);
    }
  }

  const skipped: SkippedRow[] = [];
  const skip = (row: Parameters<CsvSheet['cell']>[0], reason: string, params: SkippedRow['params']) =>
    skipped.push({ line: sheet.line(row), reason, params });
  const people = new Map<string, { name: string | null; passed: Day; mcid: string | undefined; email: string | undefined }>();
  const exams: (ExamPass & { person: string })[] = [];
  for (const row of rows) {
    const title = sheet.cell(row, titleAt);
    const type = sheet.cell(row, typeAt);
    const code = examIn(title, ctx.catalog);
    const isExam = type === '' ? code !== null : type.toLowerCase().includes('exam');
    if (!isExam) {
      skip(row, 'import.skip.not-an-exam', { title, type });
      continue;
    }
    if (code === null) {
      skip(row, 'import.skip.no-exam-code', { title });
      continue;
    }
    const exam = typeof code === 'string' ? code : code.unknown;
    const status = sheet.cell(row, statusAt);
    if (status !== '' && status.toLowerCase() !== 'active') {
      skip(row, 'import.skip.inactive', { exam, status });
      continue;
    }
    const person = identity(sheet.cell(row, mcpAt), sheet.cell(row, corpEmailAt), sheet.cell(row, emailAt), linked);
    if (person === undefined) {
      skip(row, 'import.skip.no-identity', { exam });
      continue;
    }
    const dateText = sheet.cell(row, dateAt);
    if (dateText === '') {
      skip(row, 'import.skip.no-date', { exam, person });
      continue;
    }
    // Checked last: a row skipped for another reason would not be imported whatever its exam, so it refuses nothing.
    if (typeof code !== 'string') {
      sheet.report('import.exam.unknown', row, titleAt, { value: code.unknown, title });
      continue;
    }
    const passed = ctx.days.exportDate(dateText);
    if (typeof passed === 'string') {
      sheet.reportDay(row, dateAt, dateText, passed, 'import.date.invalid', 'YYYY-MM-DD, M/D/YYYY');
      continue;
    }
    const expiryText = sheet.cell(row, expiresAt);
    const expires = expiryText === '' ? undefined : ctx.days.exportDate(expiryText);
    if (typeof expires === 'string') {
      sheet.reportDay(row, expiresAt, expiryText, expires, 'import.date.invalid', 'YYYY-MM-DD, M/D/YYYY');
      continue;
    }
    if (expires !== undefined && expires < passed) {
      sheet.report('import.expiry.reversed', row, expiresAt, { value: expiryText, from: dateText });
      continue;
    }
    exams.push({ person, exam: code, passed, ...(expires !== undefined && { expires }) });
    const name = displayName(sheet.cell(row, firstAt), sheet.cell(row, lastAt));
    const known = people.get(person);
    const mcid = mcidOf(sheet.cell(row, mcidAt), sheet.cell(row, mcpAt));
    const email = emailOf(sheet.cell(row, corpEmailAt), sheet.cell(row, emailAt));
    if (known && known.mcid === undefined) known.mcid = mcid;
    if (known && known.email === undefined) known.email = email;
    if (!known) people.set(person, { name, passed, mcid, email });
    else if (name !== null && (known.name === null || passed >= known.passed)) {
      known.name = name;
      known.passed = passed;
    }
  }
  return {
    ...emptyIncoming('fill-missing'),
    people: [...people].map(([id, p]) => ({
      id,
      name: p.name,
      ...(p.mcid !== undefined && { mcid: p.mcid }),
      ...(p.email !== undefined && { email: p.email }),
    })),
    exams,
    rows: rows.length,
    skipped,
  };
}

/**
 * The exam a training title names: the registry's code for the first code in the title the registry knows; the first
 * code-like text when it knows none; null when the title has no code.
 */
function examIn(title: string, catalog: Catalog): string | { unknown: string } | null {
  EXAM_CODE.lastIndex = 0;
  let first: string | null = null;
  for (let match = EXAM_CODE.exec(title); match; match = EXAM_CODE.exec(title)) {
    const exam = catalog.findExam(match[0]);
    if (exam) return exam.code;
    first ??= match[0].toUpperCase();
  }
  return first === null ? null : { unknown: first };
}

function identity(mcp: string, corpEmail: string, email: string, linked: ReadonlyMap<string, string>): string | undefined {
  if (mcp !== '') return mcp;
  const addresses = [corpEmail.toLowerCase(), email.toLowerCase()].filter((a) => a !== '');
  for (const address of addresses) {
    const linkedMcp = linked.get(address);
    if (linkedMcp !== undefined) return linkedMcp;
  }
  return addresses[0];
}

/**
 * The individual's MCID: the skills report's MCID column where the export has one, else the MCP ID, which Partner
 * Center keys the same individual's transcript by. A row linked only by e-mail has none.
 */
function mcidOf(mcid: string, mcp: string): string | undefined {
  if (mcid !== '') return mcid;
  return mcp === '' ? undefined : mcp;
}

/**
 * The individual's email, which imports match people by after the MCID: the work address (CorpEmail) where the
 * export has one, else Email; none when neither looks like an address.
 */
function emailOf(corpEmail: string, email: string): string | undefined {
  return [corpEmail, email].find((address) => /^[^\s@]+@[^\s@]+$/.test(address));
}

function displayName(first: string, last: string): string | null {
  if (first === '' || last === '') return first || last || null;
  return FAMILY_FIRST.test(first) && FAMILY_FIRST.test(last) ? `${last}${first}` : `${first} ${last}`;
}
