import { describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import type { Organization } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { Formatter } from '../src/render/formatter.js';
import { MESSAGES } from '../src/render/messages.js';
import { renderFinding } from '../src/render/render-text.js';
import { withoutOtherOrganizations } from '../src/store/mcid-claims.js';
import { contoso, issuesOf, plan, where } from './import-helpers.js';

/** Contoso with Ana Silva (p3) known by her MCID. */
const withMcid: Organization = {
  ...contoso,
  people: contoso.people.map((p) => (p.id === 'p3' ? { ...p, mcid: 'MC-300' } : p)),
};
const TRAININGS_HEADER =
  'PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,MCPID,MpnId,PartnerName,PartnerCityLocation,PartnerCountryLocation';

describe('people by MCID', () => {
  it('reads and writes an MCID in the organization file, and refuses one given to two people', () => {
    const document = organizationDocument(withMcid);
    expect(document.people.find((p) => p.id === 'p3')?.mcid).toBe('MC-300');
    expect(organizationDocument(parseOrganization(document))).toEqual(document);
    const twice = { ...document, people: [...document.people, { id: 'p9', mcid: 'MC-300', exams: [] }] };
    const error = (() => {
      try {
        parseOrganization(twice);
      } catch (e) {
        return e as AttainError;
      }
    })();
    expect(error?.issues).toEqual([
      {
        code: 'org.mcid.duplicate',
        path: `$.people[${document.people.length}].mcid`,
        params: { mcid: 'MC-300', first: '$.people[2]' },
      },
    ]);
  });

  it('matches an exams CSV row to the person with its MCID before the file id', () => {
    const result = plan('person_id,name,exam,passed,mcid\nE-77,Ana Silva,MB2-717,2018-02-01,MC-300\n', {
      existing: withMcid,
      kind: 'exams',
    });
    expect(result.summary.people).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect(result.additions.exams).toEqual([expect.objectContaining({ person: 'p3', exam: 'MB2-717' })]);
    expect(result.organization.people.map((p) => p.id)).toEqual(contoso.people.map((p) => p.id));
  });

  it("matches a Partner Center trainings row by its MCP ID, the individual's MCID, to the person keyed otherwise", () => {
    const row =
      '1,T,"Exam MB2-717: Microsoft Dynamics 365 for Marketing",Exam,Ana,Silva,,,2018-02-01,,Active,2018-02,MC-300,2,Contoso,Taipei,Taiwan';
    const result = plan(`${TRAININGS_HEADER}\n${row}\n`, { existing: withMcid, kind: 'partner-center-trainings' });
    expect(result.summary.people.added).toBe(0);
    expect(result.additions.exams).toEqual([expect.objectContaining({ person: 'p3', exam: 'MB2-717' })]);
    // Without an MCID on file the export's person is someone new, with their MCID kept for the next import.
    const fresh = plan(`${TRAININGS_HEADER}\n${row}\n`, { kind: 'partner-center-trainings' });
    expect(fresh.additions.people).toEqual([{ id: 'MC-300', name: 'Ana Silva', mcid: 'MC-300' }]);
  });

  it('gives a known person the MCID an exams CSV states, and refuses one person with two', () => {
    const result = plan('person_id,name,exam,passed,mcid\np1,,,,MC-100\n', { kind: 'exams' });
    expect(result.summary.people).toEqual({ added: 0, updated: 1, unchanged: 0, removed: 0 });
    expect(result.organization.people[0]).toMatchObject({ id: 'p1', name: '王小明', mcid: 'MC-100' });
    const issues = issuesOf('person_id,name,exam,passed,mcid\np1,,,,MC-100\np1,,,,MC-101\n', { kind: 'exams' });
    expect(issues.map(where)).toEqual(['import.mcid.conflict mcid 3:7']);
    expect(issues[0]?.params).toMatchObject({ id: 'p1', value: 'MC-101', other: 'MC-100', otherLine: 2 });
  });

  it('says who holds an MCID to an admin and only that someone does to others, in three languages', () => {
    const taken = new AttainError('org.mcid.taken', 'taken', [
      { code: 'org.mcid.taken', path: '$.people[0].mcid', params: { mcid: 'MC-9', person: '이서연', organization: 'northwind' } },
    ]);
    const hidden = withoutOtherOrganizations(taken);
    expect(hidden.code).toBe('org.mcid.taken-elsewhere');
    expect(JSON.stringify(hidden)).not.toContain('northwind');
    const say = (e: AttainError, locale: 'en' | 'zh-TW' | 'ko-KR') => {
      const issue = e.issues[0] as AttainError['issues'][number];
      return renderFinding(issue.code, issue.params, new Formatter(locale, undefined), MESSAGES[locale]);
    };
    expect(say(taken, 'en')).toBe(
      'the MCID "MC-9" of person "이서연" is already in organization "northwind": the program counts a person for one organization at a time, so remove them there first',
    );
    expect(say(hidden, 'zh-TW')).toBe('人員「이서연」的 MCID「MC-9」已在另一個組織中：方案一次只為一個組織計入一位人員');
    // 9 is read 구: 는, not 은.
    expect(say(hidden, 'ko-KR')).toBe(
      '직원 "이서연"의 MCID "MC-9"는 이미 다른 조직에 있습니다. 프로그램은 한 직원을 한 번에 한 조직에서만 인정합니다',
    );
  });
});
