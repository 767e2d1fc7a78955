import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../src/importers/import-kinds.js';
import { issuesOf, plan, sample } from './import-helpers.js';

describe('telling what an import file holds', () => {
  it('recognizes every sample file from its content alone', () => {
    const samples: Record<string, string> = {
      'contoso-exams.csv': 'exams',
      'contoso-customers.csv': 'customers',
      'contoso-revenue.csv': 'revenue',
      'contoso-partner-center-trainings.csv': 'partner-center-trainings',
      'contoso-partner-center-revenue.csv': 'partner-center-revenue',
      'contoso-partner-center-azure.csv': 'partner-center-revenue',
      'contoso-partner-center-subscriptions.csv': 'partner-center-subscriptions',
      'contoso-dynamics-365-usage.csv': 'dynamics-365-usage',
    };
    // The Partner Center samples name an Azure exam and Office 365, left out as every unknown reference is on request.
    for (const [file, kind] of Object.entries(samples)) expect(plan(sample(file), { skipInvalid: true }).kind, file).toBe(kind);
  });

  it('recognizes JSON records by the field only that record has, and an object as an organization file', () => {
    expect(plan('[{"id":"p1","exams":[]}]').kind).toBe('exams');
    expect(plan('[{"id":"northwind","dpor":[]}]').kind).toBe('customers');
    expect(
      plan('[{"customer":"northwind","product":"crm-online","date":"2017-04-30","amount":"84250","currency":"USD"}]').kind,
    ).toBe('revenue');
    expect(plan('{"id":"contoso","market":"developed"}').kind).toBe('org');
  });

  it('recognizes a YAML organization file by its name or its first line', () => {
    const yaml = '# Contoso\nid: contoso\nmarket: developed\n';
    expect(plan(yaml).kind).toBe('org');
    expect(plan('market: developed\n', { file: 'contoso.yml' }).kind).toBe('org');
  });

  it('says which kinds there are when it cannot tell', () => {
    for (const text of ['foo,bar\n1,2\n', '[]', '[{"id":"x"}]', '"just a string"', 'id,name\n1,2\n']) {
      const issues = issuesOf(text);
      expect(
        issues.map((i) => i.code),
        text,
      ).toEqual(['import.kind.undetected']);
      expect(issues[0]?.params.kinds).toBe(IMPORT_KINDS.join(', '));
    }
    expect(issuesOf('a;b;c\n1;2;3\n')[0]?.params).toMatchObject({ format: 'csv', header: 'a;b;c' });
  });

  it('reads the file as the kind the caller names, whatever it looks like', () => {
    expect(
      issuesOf('foo,bar\n1,2\n', { kind: 'exams' })
        .map((i) => i.code)
        .sort(),
    ).toEqual([
      'import.column.missing',
      'import.column.missing',
      'import.column.missing',
      'import.column.unknown',
      'import.column.unknown',
    ]);
    // An organization file whose first line does not look like YAML is still read as YAML when the kind says so.
    expect(plan('"market": developed\n', { kind: 'org' }).organization.market).toBe('developed');
    expect(issuesOf(sample('contoso-exams.csv'), { kind: 'revenue' }).map((i) => i.code)).toContain('import.column.missing');
  });
});
