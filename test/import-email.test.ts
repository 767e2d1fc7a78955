import { describe, expect, it } from 'vitest';
import type { AttainError } from '../src/core/attain-error.js';
import type { Organization } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { Formatter } from '../src/render/formatter.js';
import { MESSAGES } from '../src/render/messages.js';
import { renderFinding } from '../src/render/render-text.js';
import { contoso, issuesOf, plan, where } from './import-helpers.js';

/** Contoso with Ana Silva (p3) known by her email, and John Smith (p4) by his MCID. */
const withEmail: Organization = {
  ...contoso,
  people: contoso.people.map((p) =>
    p.id === 'p3' ? { ...p, email: 'Ana.Silva@contoso.com' } : p.id === 'p4' ? { ...p, mcid: 'MC-400' } : p,
  ),
};
const TRAININGS_HEADER =
  'PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,MCPID,MpnId,PartnerName,PartnerCityLocation,PartnerCountryLocation';

function refusal(run: () => unknown): AttainError | undefined {
  try {
    run();
  } catch (error) {
    return error as AttainError;
  }
  return undefined;
}

describe('people by email', () => {
  it('reads and writes an email in the organization file, and refuses one that is not an address, in three languages', () => {
    const document = organizationDocument(withEmail);
    expect(document.people.find((p) => p.id === 'p3')?.email).toBe('Ana.Silva@contoso.com');
    expect(organizationDocument(parseOrganization(document))).toEqual(document);
    // Two people may share one (a team mailbox): not refused.
    const shared = { ...document, people: [...document.people, { id: 'p9', email: 'ana.silva@contoso.com', exams: [] }] };
    expect(parseOrganization(shared).people.at(-1)?.email).toBe('ana.silva@contoso.com');
    const bad = { ...document, people: [{ id: 'x', email: 'ana at contoso', exams: [] }] };
    const error = refusal(() => parseOrganization(bad));
    expect(error?.issues).toEqual([
      { code: 'org.email.invalid', path: '$.people[0].email', params: { value: 'ana at contoso' } },
    ]);
    const say = (locale: 'en' | 'zh-TW' | 'ko-KR') =>
      renderFinding('org.email.invalid', { value: 'ana at contoso' }, new Formatter(locale, undefined), MESSAGES[locale]);
    expect(say('en')).toBe('"ana at contoso" is not an email address (name@domain)');
    expect(say('zh-TW')).toBe('「ana at contoso」不是電子郵件地址（名稱@網域）');
    // contoso ends in a vowel: 는.
    expect(say('ko-KR')).toBe('"ana at contoso"는 이메일 주소(이름@도메인)가 아닙니다');
  });

  it('matches an exams CSV row to the person with its email, in any case, before the file id; the MCID first', () => {
    const result = plan('person_id,name,exam,passed,email\nE-77,Ana Silva,MB2-717,2018-02-01,ANA.SILVA@CONTOSO.COM\n', {
      existing: withEmail,
      kind: 'exams',
    });
    expect(result.summary.people).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect(result.additions.exams).toEqual([expect.objectContaining({ person: 'p3', exam: 'MB2-717' })]);
    // MCID says John Smith, email says Ana Silva: the MCID decides.
    const both = plan('person_id,name,exam,passed,mcid,email\nE-78,,MB2-717,2018-02-01,MC-400,ana.silva@contoso.com\n', {
      existing: withEmail,
      kind: 'exams',
    });
    expect(both.additions.exams).toEqual([expect.objectContaining({ person: 'p4' })]);
    // Neither known: the file's id, a new person carrying the email for the next import.
    const fresh = plan('person_id,name,exam,passed,email\nE-79,Mei Lin,MB2-717,2018-02-01,mei@contoso.com\n', {
      existing: withEmail,
      kind: 'exams',
    });
    expect(fresh.additions.people).toEqual([{ id: 'E-79', name: 'Mei Lin', email: 'mei@contoso.com' }]);
  });

  it('gives a known person the email a file states, and refuses one that is not an address', () => {
    const result = plan('person_id,name,exam,passed,email\np1,,,,wang@contoso.com\n', { kind: 'exams' });
    expect(result.summary.people).toEqual({ added: 0, updated: 1, unchanged: 0, removed: 0 });
    expect(result.organization.people[0]).toMatchObject({ id: 'p1', email: 'wang@contoso.com' });
    const issues = issuesOf('person_id,name,exam,passed,email\np1,,,,wang.contoso.com\n', { kind: 'exams' });
    expect(issues.map(where)).toEqual(['import.email.invalid email 2:7']);
  });

  it('reads a Partner Center trainings row’s work email, and matches it to the person with that email', () => {
    const row =
      '1,T,"Exam MB2-717: Microsoft Dynamics 365 for Marketing",Exam,Ana,Silva,ana@home.example,ana.silva@contoso.com,2018-02-01,,Active,2018-02,MC-300,2,Contoso,Taipei,Taiwan';
    const result = plan(`${TRAININGS_HEADER}\n${row}\n`, { existing: withEmail, kind: 'partner-center-trainings' });
    expect(result.summary.people.added).toBe(0);
    expect(result.additions.exams).toEqual([expect.objectContaining({ person: 'p3', exam: 'MB2-717' })]);
    // Matched by email, the person gains the export's MCID, so that the next import finds them by it.
    expect(result.organization.people.find((p) => p.id === 'p3')).toMatchObject({ mcid: 'MC-300' });
    const fresh = plan(`${TRAININGS_HEADER}\n${row}\n`, { kind: 'partner-center-trainings' });
    expect(fresh.additions.people).toEqual([{ id: 'MC-300', name: 'Ana Silva', mcid: 'MC-300', email: 'ana.silva@contoso.com' }]);
  });
});
