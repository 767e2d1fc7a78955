import type { ExamPass } from '../../engine/organization.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { NamedRecords } from './named-records.js';

/**
 * `person_id,name,exam,passed[,mcid][,email][,expires]`: one pass per row; a row without exam and date only adds or
 * renames the person. `mcid` is Partner Center's identity of the individual: a person the organization has with that
 * MCID is the one the row means, whatever its person_id; failing that, one with that `email` (in any case). `expires`
 * is the credential's last valid day, for those that expire.
 */
/** As the organization file reads an email: text around one @, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const EXAMS_COLUMNS: ColumnSpec = {
  required: ['person_id', 'exam', 'passed'],
  optional: ['name', 'mcid', 'email', 'expires'],
  otherColumns: 'refuse',
};

/**
 * Exam codes are kept as written, like the organization file's, and must be in the catalog's exam registry: a code
 * it does not know (a typo, another program's exam) could never count, and importing it silently would make a pass
 * look like one that counts. Like every unknown reference of every kind, it refuses the file, unless the import is
 * asked to leave such rows out.
 */
export function readExamsCsv(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const [idAt, nameAt, examAt, passedAt] = ['person_id', 'name', 'exam', 'passed'].map((c) => sheet.column(c)) as [
    number,
    number,
    number,
    number,
  ];
  const mcidAt = sheet.column('mcid');
  const expiresAt = sheet.column('expires');
  const emailAt = sheet.column('email');
  const emails = new Map<string, string>();
  const people = new NamedRecords(sheet);
  const mcids = new Map<string, { mcid: string; line: number }>();
  const exams: (ExamPass & { person: string })[] = [];
  for (const row of sheet.rows()) {
    const person = sheet.cell(row, idAt);
    const exam = sheet.cell(row, examAt);
    const passed = sheet.cell(row, passedAt);
    if (person === '') sheet.report('import.required', row, idAt, { value: '', field: 'person_id' });
    if (exam === '' && passed !== '') sheet.report('import.required', row, examAt, { value: '', field: 'exam' });
    const known = exam === '' || ctx.catalog.findExam(exam) !== undefined;
    if (!known) sheet.report('import.exam.unknown', row, examAt, { value: exam });
    let day: number | undefined;
    if (passed === '' && exam !== '') sheet.report('import.required', row, passedAt, { value: '', field: 'passed' });
    else if (passed !== '') {
      const reading = ctx.days.date(passed);
      if (typeof reading === 'number') day = reading;
      else sheet.reportDay(row, passedAt, passed, reading, 'import.date.invalid', 'YYYY-MM-DD');
    }
    const expiresText = sheet.cell(row, expiresAt);
    const expiresReading = expiresText === '' ? undefined : ctx.days.date(expiresText);
    if (typeof expiresReading === 'string')
      sheet.reportDay(row, expiresAt, expiresText, expiresReading, 'import.date.invalid', 'YYYY-MM-DD');
    const expires = typeof expiresReading === 'number' ? expiresReading : undefined;
    if (expires !== undefined && day !== undefined && expires < day) {
      sheet.report('import.expiry.reversed', row, expiresAt, { value: expiresText, from: passed });
    }
    if (person === '' || typeof expiresReading === 'string' || (expires !== undefined && day !== undefined && expires < day))
      continue;
    people.add(person, sheet.cell(row, nameAt), row, nameAt);
    const mcid = sheet.cell(row, mcidAt);
    const given = mcids.get(person);
    if (mcid !== '' && given === undefined) mcids.set(person, { mcid, line: sheet.line(row) });
    else if (mcid !== '' && given !== undefined && given.mcid !== mcid) {
      sheet.report('import.mcid.conflict', row, mcidAt, { value: mcid, id: person, other: given.mcid, otherLine: given.line });
    }
    const email = sheet.cell(row, emailAt);
    if (email !== '' && !EMAIL.test(email)) sheet.report('import.email.invalid', row, emailAt, { value: email });
    else if (email !== '' && !emails.has(person)) emails.set(person, email);
    if (exam !== '' && known && day !== undefined)
      exams.push({ person, exam, passed: day, ...(expires !== undefined && { expires }) });
  }
  return {
    ...emptyIncoming('replace'),
    people: people.list().map((p) => {
      const mcid = mcids.get(p.id)?.mcid;
      const email = emails.get(p.id);
      return { ...p, ...(mcid !== undefined && { mcid }), ...(email !== undefined && { email }) };
    }),
    exams,
    rows: sheet.rowCount,
  };
}
