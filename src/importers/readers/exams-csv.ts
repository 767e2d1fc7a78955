import type { ExamPass } from '../../engine/organization.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { NamedRecords } from './named-records.js';

/** `person_id,name,exam,passed`: one pass per row; a row without exam and date only adds or renames the person. */
export const EXAMS_COLUMNS: ColumnSpec = {
  required: ['person_id', 'exam', 'passed'],
  optional: ['name'],
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
  const people = new NamedRecords(sheet);
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
    if (person === '') continue;
    people.add(person, sheet.cell(row, nameAt), row, nameAt);
    if (exam !== '' && known && day !== undefined) exams.push({ person, exam, passed: day });
  }
  return {
    ...emptyIncoming('replace'),
    people: people.list(),
    exams,
    rows: sheet.rowCount,
  };
}
