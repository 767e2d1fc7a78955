// @vitest-environment happy-dom

import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Formatter } from '../../src/render/formatter.js';
import { MESSAGES } from '../../src/render/messages.js';
import { describeCauses } from '../../src/render/render-forecast.js';
import { renderGap } from '../../src/render/render-text.js';
import { defaultAsOf } from '../src/lib/data-default.js';
import { optionCards } from '../src/lib/requirement-tree.js';
import { catalog, contoso, evaluationOf, forecastOf } from './fixtures.js';
import { CATALOG } from './paths.js';
import { renderApp, runProgram } from './support.js';

const AS_OF = '?asOf=2018-03-31';

describe('overview', () => {
  it('draws revenue and seats as labelled progress bars', async () => {
    await renderApp({ path: `/orgs/contoso${AS_OF}` });
    const card = await screen.findByTestId('option-cloud-business-applications-enterprise-customer-engagement');
    const bars = within(card).getAllByRole('progressbar');
    expect(bars.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-valuenow')])).toEqual([
      ['Net new cloud revenue (TTM)', '40'],
      ['Technical consultant (deployment, customization and configuration)', '33'],
      ['Functional consultant (Sales, Customer Service or Field Service)', '33'],
    ]);
    expect(bars[0]?.getAttribute('aria-valuetext')).toBe('$120,793.70 of $300,000.00 — $179,206.30 short');
    // Operations: both revenue tests, each with its own bar.
    const ops = screen.getByTestId('option-cloud-business-applications-enterprise-operations');
    expect(within(ops).getByRole('progressbar', { name: 'Total revenue, cloud and on-premises (TTM)' })).toBeTruthy();
    expect(within(ops).getByRole('progressbar', { name: 'Net new cloud revenue (TTM)' })).toBeTruthy();
  });
});

describe('overview: what comes next', () => {
  it('shows a held level’s coming lapse, its headroom and the next action, and never only "every level is attained"', async () => {
    await renderApp({ path: `/orgs/contoso${AS_OF}` });
    const card = await screen.findByTestId('option-cloud-crm-reseller');
    const gold = within(card).getByTestId('level-gold');
    await waitFor(() => expect(within(gold).getByTestId('next-change')).toBeTruthy());
    expect(within(gold).getByTestId('next-change').textContent).toBe(
      'Gold lapses on Apr 30, 2018: revenue of Apr 30, 2017 (Microsoft Dynamics CRM Online) leaves the trailing twelve months',
    );
    expect(within(gold).getByTestId('headroom').textContent).toBe(
      'Headroom: Net new cloud revenue (TTM): $21,729.25 above the threshold · ' +
        'Functional and deployment consultant: none to spare · Customization and configuration consultant: none to spare',
    );
    // What Gold lacks on the day it lapses, to be covered before then.
    expect(within(gold).getByTestId('next-action').textContent).toBe(
      'Next action: cover the $62,520.75 shortfall in Net new cloud revenue (TTM) before Apr 30, 2018',
    );
    // The earliest lapse of the option, not the first level's.
    expect(within(card).getByTestId('all-attained').textContent).toBe(
      'Every level of this option is attained until Apr 30, 2018, when Gold lapses.',
    );
    // A level not attained: the shortfall to cover now, and no headroom.
    const engagement = screen.getByTestId('option-cloud-business-applications-enterprise-customer-engagement');
    const engagementGold = within(engagement).getByTestId('level-gold');
    expect(within(engagementGold).getByTestId('next-action').textContent).toBe(
      'Next action: cover the $179,206.30 shortfall in Net new cloud revenue (TTM)',
    );
    expect(within(engagementGold).queryByTestId('headroom')).toBeNull();
  });

  it('says how many more people a role needs when revenue is not what is missing, in Korean', async () => {
    // Fabrikam's Silver has no threshold in its market (nothing to do); Gold needs one more person.
    await renderApp({ path: `/orgs/fabrikam${AS_OF}`, locale: 'ko-KR' });
    const card = await screen.findByTestId('option-cloud-crm-reseller');
    await waitFor(() => expect(within(card).getAllByTestId('next-action').length).toBeGreaterThan(0));
    expect(
      within(card)
        .getAllByTestId('next-action')
        .map((e) => e.textContent),
    ).toEqual(['다음 할 일: 기능 및 배포 담당자 자격 취득자 1명 추가']);
  });
});

describe('as-of date', () => {
  it('starts at the latest day with data when today has none, and says so; a date in the URL wins', async () => {
    const log = await renderApp({ path: '/orgs/contoso' });
    expect((await screen.findByTestId('as-of-default')).textContent).toBe(
      'Showing Mar 15, 2018, the latest date with data: nothing in the data falls in the twelve months before today.',
    );
    await screen.findByTestId('overview');
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2018-03-15');
    // Every evaluation was asked as of that day: none as of today first.
    expect(log.calls.filter((c) => c.includes('/evaluation'))).toEqual(['GET /api/orgs/contoso/evaluation?asOf=2018-03-15']);
    cleanup();
    await renderApp({ path: '/orgs/contoso?asOf=2018-01-31' });
    await screen.findByTestId('overview');
    expect(screen.queryByTestId('as-of-default')).toBeNull();
  });

  it('keeps today when the data reaches into the last twelve months', () => {
    expect(defaultAsOf('2018-03-31', '2026-11-29')).toBe('2018-03-31');
    expect(defaultAsOf('2026-01-15', '2026-11-29')).toBeNull();
    expect(defaultAsOf('2025-11-29', '2026-11-29')).toBe('2025-11-29');
    expect(defaultAsOf('2025-11-30', '2026-11-29')).toBeNull();
    expect(defaultAsOf(null, '2026-11-29')).toBeNull();
  });
});

describe('why not Gold', () => {
  it('says each gap in the CLI words, in the chosen language, and shows empty seats', async () => {
    await renderApp({ path: `/orgs/contoso/gaps${AS_OF}`, locale: 'zh-TW' });
    const lists = await screen.findAllByTestId('gap-list');
    const gold = optionCards(evaluationOf(contoso, '2018-03-31'), catalog)[1]?.levels[1];
    const f = new Formatter('zh-TW', catalog, new Map(contoso.people.map((p) => [p.id, p.name ?? p.id])));
    const expected = (gold?.result.gaps ?? []).map((g) => renderGap(g, gold?.definition as never, f, MESSAGES['zh-TW']));
    expect(
      within(lists[0] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(expected);
    expect(expected.join(' ')).toContain('還需要 10 人通過');
    const seats = screen.getAllByRole('list', { name: '技術人員 (部署、自訂和設定)' })[0] as HTMLElement;
    expect(within(seats).getAllByRole('listitem')).toHaveLength(15);
    expect(within(seats).getAllByText('空缺')).toHaveLength(10);
    expect(within(seats).getByText('王小明')).toBeTruthy();
  });

  it('explains Silver when asked, through the URL', async () => {
    await renderApp({ path: `/orgs/contoso/gaps${AS_OF}&level=silver` });
    expect(await screen.findByRole('heading', { name: 'Why not Silver?' })).toBeTruthy();
  });
});

describe('plan', () => {
  it('makes the cheapest plan, then shows it change when a person is excluded', async () => {
    const log = await renderApp({ path: `/orgs/contoso/plan${AS_OF}` });
    fireEvent.change(await screen.findByLabelText('Target level'), {
      target: { value: 'cloud-business-applications/enterprise-customer-engagement/gold' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make plan' }));
    await waitFor(() => expect(screen.getByTestId('plan-cost').textContent).toBe('8 new people, 29 exams'));
    // The revenue shortfall leads, and the eight identical hires are one row.
    const blocker = screen.getByTestId('plan-blocker');
    expect(blocker.compareDocumentPosition(screen.getByTestId('plan-cost')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(blocker.textContent).toContain('$179,206.30 short');
    expect(screen.getByRole('rowheader', { name: '8 new people, each' })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'new-1 (new hire)' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Exclude 王小明' }));
    await waitFor(() => expect(screen.getByTestId('plan-cost').textContent).toBe('9 new people, 32 exams'));
    expect(screen.getByTestId('plan-compare').textContent).toBe('Without exclusions: 8 new people, 29 exams.');
    expect(log.calls.some((c) => c.includes('/plan?') && c.includes('exclude=p1'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Include 王小明 again' }));
    await waitFor(() => expect(screen.getByTestId('plan-cost').textContent).toBe('8 new people, 29 exams'));
  });
});

describe('data that does not count', () => {
  it('marks each pass that does not count on its person, with the reason, also when filtered', async () => {
    await renderApp({ path: `/orgs/fabrikam/data${AS_OF}` });
    const table = await screen.findByTestId('people-table');
    await waitFor(() => expect(within(table).getAllByTestId('not-counted')).toHaveLength(2));
    expect(
      within(table)
        .getAllByTestId('not-counted')
        .map((e) => e.textContent),
    ).toEqual([
      // The row names the person, the exam and the day passed already: the reason says only why.
      'Not counted: passed before the exam counted for competencies (Nov 1, 2017)',
      'Not counted: passed after the exam retired (Dec 31, 2017)',
    ]);
    expect(screen.getByTestId('ignored-summary').textContent).toBe(
      'Data that does not count (2): These records are in the data but count toward no level, as of the date shown.',
    );
    // On a filtered page the warning stays on its own pass.
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: 'vũ' } });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    const pass = within(table).getByTestId('not-counted').closest('li');
    expect(pass?.textContent).toContain('MB6-705');
    expect(pass?.className).toBe('is-not-counted');
  });

  it('says which revenue does not count: outside its customer’s DPOR period, or older than the twelve months', async () => {
    await renderApp({ path: `/orgs/contoso/data${AS_OF}` });
    await screen.findByTestId('people-table');
    fireEvent.click(screen.getByRole('tab', { name: /Revenue/ }));
    const table = await screen.findByTestId('revenue-table');
    await waitFor(() => expect(within(table).getAllByTestId('not-counted').length).toBeGreaterThan(0));
    // The $40,000.00 the evaluation reports outside DPOR, on its own record.
    expect(
      within(table)
        .getAllByTestId('not-counted')
        .map((e) => e.closest('tr')?.textContent),
    ).toEqual([
      'May 15, 2017Tailspin ToysDynamics 365 Customer Engagement Plan (formerly Plan 1)' +
        'Not counted: Tailspin Toys did not name you its Digital Partner of Record on May 15, 2017$40,000.00yes',
    ]);
    cleanup();
    // A year later every record but that of Mar 15, 2018 has left the twelve months.
    await renderApp({ path: '/orgs/contoso/data?asOf=2019-03-01' });
    await screen.findByTestId('people-table');
    fireEvent.click(screen.getByRole('tab', { name: /Revenue/ }));
    const later = await screen.findByTestId('revenue-table');
    await waitFor(() => expect(within(later).getAllByTestId('not-counted')).toHaveLength(7));
    expect(within(later).getAllByTestId('not-counted')[0]?.textContent).toBe(
      'Not counted: dated before the twelve months up to Mar 1, 2019',
    );
  });

  it('lists them on the gaps page too, in Chinese', async () => {
    await renderApp({ path: `/orgs/fabrikam/gaps${AS_OF}`, locale: 'zh-TW' });
    const list = await screen.findByTestId('ignored-list');
    expect(within(list).getByRole('heading').textContent).toBe('不計入的資料（2）');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list.textContent).toContain('MB6-894');
  });

  it('says an unknown exam does not count, on the gaps page and on its person', async () => {
    await renderApp({ path: `/orgs/contoso/gaps${AS_OF}` });
    const list = await screen.findByTestId('ignored-list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((e) => e.textContent),
    ).toEqual([
      'John Smith: MB2-877 passed Nov 15, 2017, before it counts for competencies (Dec 1, 2017); not counted.',
      'Emily Chen: exam AZ-100 is not in the catalog; ignored.',
    ]);
  });
});

describe('data and uploads', () => {
  it('lists people with the exam titles in the chosen language, filtered', async () => {
    await renderApp({ path: `/orgs/contoso/data${AS_OF}`, locale: 'ko-KR' });
    const table = await screen.findByTestId('people-table');
    expect(table.textContent).toContain('Dynamics CRM 고객 서비스');
    fireEvent.change(screen.getByLabelText('필터'), { target: { value: 'mb2-877' } });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
  });

  it('asks the server for one page at a time, filtered and sorted there, never for the whole organization', async () => {
    // Thirty more people: two pages of people.
    const csv = ['person_id,name,exam,passed', ...Array.from({ length: 30 }, (_, i) => `n${i},Zed ${i},MB2-716,2017-06-01`)];
    const log = await renderApp({
      path: `/orgs/contoso/data${AS_OF}`,
      before: async (api) => {
        await api.request('/api/orgs/contoso/imports/exams', {
          method: 'POST',
          headers: { authorization: 'Bearer dev-admin', 'content-type': 'text/csv' },
          body: `${csv.join('\n')}\n`,
        });
      },
    });
    const table = await screen.findByTestId('people-table');
    const pager = () => screen.getByRole('navigation', { name: 'People' }).textContent;
    await waitFor(() => expect(pager()).toContain('1–25 of 37'));
    expect(screen.getByRole('tab', { name: /People/ }).textContent).toBe('People (37)');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(pager()).toContain('26–37 of 37'));
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    // Sorted by id, descending: p7 first, then p6, on the first page again.
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'id' } });
    fireEvent.click(screen.getByLabelText('Descending'));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]?.textContent).toMatch(/^p7Emily Chen/));
    expect(within(table).getAllByRole('row')[2]?.textContent).toMatch(/^p6/);
    expect(pager()).toContain('1–25 of 37');
    // Only what does not count: John Smith's pass before its exam counted, and Emily Chen's unknown exam.
    fireEvent.click(screen.getByLabelText('Only what does not count (2)'));
    await waitFor(() => expect(pager()).toContain('1–2 of 2'));
    expect(within(table).getAllByTestId('not-counted')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: 'emily' } });
    await waitFor(() => expect(pager()).toContain('1–1 of 1'));
    const asked = log.calls.filter((c) => c.startsWith('GET /api/orgs/contoso'));
    expect(asked.filter((c) => /^GET \/api\/orgs\/contoso(\?|$)/.test(c))).toEqual([]);
    expect(asked.some((c) => c.includes('/people?') && c.includes('q=emily') && c.includes('notCounting=true'))).toBe(true);
  });

  it('previews a CSV, applies it, and refuses a file with bad rows listing each one', async () => {
    await renderApp({ path: `/orgs/contoso/data${AS_OF}` });
    const input = (await screen.findByLabelText('File')) as HTMLInputElement;
    const good = new File(
      ['customer_id,product,date,amount,currency\nnorthwind,crm-online,2018-03-01,1000,USD\n'],
      'revenue.csv',
      {
        type: 'text/csv',
      },
    );
    fireEvent.change(input, { target: { files: [good] } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Preview changes' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByRole('row', { name: /Revenue records/ }).textContent).toContain('1');
    fireEvent.click(within(preview).getByRole('button', { name: 'Apply changes' }));
    const applied = await screen.findByTestId('import-applied');
    // The confirmation says what changed, and has the focus: the page stays at the panel.
    expect(within(applied).getByTestId('import-confirmation').textContent).toBe('Saved: 1 record added, 0 updated.');
    expect(document.activeElement?.textContent).toBe('Saved');
    // The tables reload after a real import, and the confirmation is still there: the page was not rebuilt.
    await waitFor(() => expect(screen.getByRole('tab', { name: /Revenue/ }).textContent).toBe('Revenue (9)'));
    expect(screen.getByTestId('import-applied')).toBe(applied);

    const bad = new File(['customer_id,product,date,amount,currency\nnorthwind,crm-online,2018-02-30,12x,USD\n'], 'bad.csv', {
      type: 'text/csv',
    });
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() => expect(screen.queryByTestId('import-applied')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const refused = await screen.findByTestId('import-refused');
    expect(within(refused).getByRole('heading').textContent).toBe('Refused: 2 problems, nothing was saved');
    // Every problem is a click away, behind the causes.
    fireEvent.click(within(refused).getByText('Show every problem listed (2), in file order'));
    const rows = within(await within(refused).findByTestId('bad-rows'))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['2', 'date', '"2018-02-30" is not a date (YYYY-MM-DD, a real calendar day) [import.date.invalid]'],
      ['2', 'amount', expect.stringMatching(/"12x".*\[import\.amount\.invalid\]$/)],
    ]);
  });
});

describe('imports that forgive on request', () => {
  const rows = (n: number, product: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `northwind,${product(i)},2018-03-${String((i % 28) + 1).padStart(2, '0')},${i + 1},USD`);

  it('groups a refusal by cause, offers to leave the bad rows out, and imports the others', async () => {
    await renderApp({ path: `/orgs/contoso/data${AS_OF}` });
    const input = (await screen.findByLabelText(/File/)) as HTMLInputElement;
    // 300 rows, 40 of them on two products the registry does not know.
    const body = rows(300, (i) => (i % 15 === 0 ? 'Office 365' : i % 15 === 7 ? 'Azure Plan' : 'crm-online'));
    const file = new File([`customer_id,product,date,amount,currency\n${body.join('\n')}\n`], 'big.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('import-file-name').textContent).toBe('big.csv'));
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const refused = await screen.findByTestId('import-refused');
    const causes = within(refused).getByTestId('import-causes');
    expect([...causes.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `product "Office 365" is not in the catalog's product registry [import.product.unknown] 20 rows — lines 2, 17, 32, 47, 62, 77, 92, 107, 122, 137, … and 10 more`,
      `product "Azure Plan" is not in the catalog's product registry [import.product.unknown] 20 rows — lines 9, 24, 39, 54, 69, 84, 99, 114, 129, 144, … and 10 more`,
    ]);
    // Compact: the rows themselves are not drawn until asked for.
    expect(within(refused).queryByTestId('bad-rows')).toBeNull();
    fireEvent.click(within(refused).getByRole('button', { name: 'Preview without the 40 bad rows' }));
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByRole('row', { name: /Revenue records/ }).textContent).toContain('260');
    expect(within(within(preview).getByTestId('import-left-out')).getByRole('heading').textContent).toBe(
      '40 rows with problems will be left out',
    );
    fireEvent.click(within(preview).getByRole('button', { name: 'Apply changes' }));
    const applied = await screen.findByTestId('import-applied');
    expect(within(applied).getByTestId('import-confirmation').textContent).toBe('Saved: 260 records added, 0 updated.');
    expect(within(applied).getByTestId('import-left-out').textContent).toContain('40 rows with problems were left out');
    await waitFor(() => expect(screen.getByRole('tab', { name: /Revenue/ }).textContent).toBe('Revenue (268)'));
  });

  it.each([
    ['zh-TW', '選擇檔案…', '尚未選擇檔案'],
    ['ko-KR', '파일 선택…', '선택한 파일 없음'],
  ])('draws the file control in %s, not in the browser’s language', async (locale, button, none) => {
    await renderApp({ path: `/orgs/contoso/data${AS_OF}`, locale });
    const panel = await screen.findByTestId('import');
    expect(within(panel).getByText(button).tagName).toBe('LABEL');
    expect(within(panel).getByTestId('import-file-name').textContent).toBe(none);
  });
});

describe('program operator view', () => {
  it('shows counts per level, who is at risk, and a page of organizations filtered on the server', async () => {
    const log = await renderApp({ path: `/admin${AS_OF}` });
    const table = await screen.findByTestId('program-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // Each part of the page loads on its own: the counts may come after the table.
    expect((await screen.findByTestId('program-as-of')).textContent).toBe('Stored standings as of Mar 31, 2018');
    expect((await screen.findByTestId('at-risk')).textContent).toBe(
      'Contoso Dynamics Consulting: loses Cloud CRM reseller option · Gold on Apr 30, 2018',
    );
    // In the catalog's order (Silver before Gold), though the API lists levels by id.
    const counts = within(screen.getByTestId('level-counts')).getAllByRole('listitem');
    expect(counts[0]?.textContent).toBe('Cloud CRM reseller option · Silver1 attained · 0 not attained · 1 undetermined');
    expect(counts[1]?.textContent).toBe('Cloud CRM reseller option · Gold1 attained · 1 at risk · 1 not attained');
    // A compact cell per level: status, lifecycle and the day it is lost.
    const contoso = within(table).getByRole('row', { name: /Contoso/ });
    expect(contoso.querySelectorAll('td')[2]?.textContent).toBe('✔ attainedQualifiedat risk Apr 30, 2018');
    expect(within(contoso).getByRole('link', { name: 'History' }).getAttribute('href')).toBe(
      '/orgs/contoso/history?asOf=2018-03-31',
    );

    fireEvent.change(screen.getByLabelText('Market'), { target: { value: 'developing' } });
    await waitFor(() => expect(within(screen.getByTestId('program-table')).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Fabrikam Business Systems' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lifecycle'), { target: { value: 'at-risk' } });
    expect(await screen.findByTestId('program-table-empty')).toBeTruthy();
    expect(log.calls).toContain('GET /api/program/organizations?lifecycle=at-risk&market=developing&sort=name&offset=0&limit=25');
    // Typing waits, then asks the server.
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'fabri' } });
    await waitFor(() => expect(within(screen.getByTestId('program-table')).getAllByRole('row')).toHaveLength(2));
    expect(log.calls).toContain('GET /api/program/organizations?q=fabri&sort=name&offset=0&limit=25');
    expect(log.calls.some((c) => c.includes('/api/overview'))).toBe(false);
  });

  it('lists the people two organizations claim, each organization with its person and when, in Korean', async () => {
    await renderApp({
      path: `/admin${AS_OF}`,
      locale: 'ko-KR',
      before: async (api) => {
        const write = (id: string, people: unknown[]) =>
          api.request(`/api/orgs/${id}`, {
            method: 'PUT',
            headers: { authorization: 'Bearer dev-admin', 'content-type': 'application/json' },
            body: JSON.stringify({ id, name: `${id} Inc`, market: 'developed', people, customers: [], revenue: [] }),
          });
        await write('northwind', [{ id: 'nw-1', name: '이서연', mcid: 'MC-9', email: 'Seoyeon@example.com', exams: [] }]);
        await write('tailspin', [{ id: 'ts-7', name: 'Seoyeon Lee', email: 'seoyeon@example.com', exams: [] }]);
        await write('adatum', [{ id: 'ad-2', mcid: 'MC-9', exams: [] }]);
      },
    });
    const panel = await screen.findByTestId('claimed-twice');
    await waitFor(() => expect(within(panel).getAllByRole('rowgroup')).toHaveLength(3));
    const groups = within(panel).getAllByRole('rowgroup').slice(1);
    const rows = (group: HTMLElement) =>
      within(group)
        .getAllByRole('row')
        .map((r) => r.textContent);
    expect(rows(groups[0] as HTMLElement)).toEqual([
      expect.stringMatching(/^MCID MC-9northwind Incnw-1 · 이서연올라 있음, 데이터 최종 변경 /),
      expect.stringMatching(/^adatum \(저장되지 않음\)ad-2\d{4}\. \d+\. \d+\.에 거절됨$/),
    ]);
    expect(rows(groups[1] as HTMLElement)).toEqual([
      expect.stringMatching(/^이메일 seoyeon@example\.comnorthwind Incnw-1 · 이서연올라 있음/),
      expect.stringMatching(/^tailspin Incts-7 · Seoyeon Lee올라 있음/),
    ]);
    expect(within(panel).getByRole('link', { name: 'tailspin Inc' }).getAttribute('href')).toMatch(/^\/orgs\/tailspin\/data/);
  });

  it('downloads the CSV of the same filters with the token', async () => {
    const log = await renderApp({ path: `/admin${AS_OF}` });
    const saved: Blob[] = [];
    const names: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved.push(b as Blob);
      return 'blob:x';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    // Saving is the browser's; here the link is only looked at, never followed.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await screen.findByTestId('program-table');
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'cloud-crm/reseller/gold' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'attained' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    for (const spy of [create, revoke, click]) spy.mockRestore();
    expect(names).toEqual(['attain-program.csv']);
    expect(log.calls).toContain('GET /api/program/organizations.csv?level=cloud-crm%2Freseller%2Fgold&status=attained');
    const lines = (await saved[0]?.text())?.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines?.[1]).toContain(
      'contoso,Contoso Dynamics Consulting,developed,2018-03-31,cloud-crm,reseller,gold,attained,qualified,2018-04-30',
    );
  });

  it('shows the error code of an organization whose evaluation failed', async () => {
    await renderApp({ path: `/admin${AS_OF}` });
    const mock = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await mock(input, init);
      if (!String(input).startsWith('/api/program/organizations?')) return response;
      const page = await response.json();
      for (const row of page.rows) if (row.id === 'fabrikam') row.error = { code: 'evaluation.failed', message: 'boom' };
      return new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } });
    });
    const table = await screen.findByTestId('program-table');
    expect(within(table).getByTestId('row-error').textContent).toBe('evaluation failed: evaluation.failed');
  });

  it('runs the program now and follows its progress until it has finished', async () => {
    const log = await renderApp({ path: `/admin${AS_OF}`, programAsOf: null });
    expect((await screen.findByTestId('program-as-of')).textContent).toBe('The program has not been run yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    // The real jobs evaluate both organizations in one chunk: no "1 of 2" in between (only the old mock API made one).
    await waitFor(
      () => expect(screen.getByTestId('run-control').textContent).toContain('Run finished: 2 organizations evaluated, 0 failed'),
      { timeout: 10_000 },
    );
    expect(log.calls).toContain('POST /api/program/runs?asOf=2018-03-31');
    // Everything the page shows is read again.
    await waitFor(() => expect(screen.getByTestId('program-as-of').textContent).toBe('Stored standings as of Mar 31, 2018'));
    expect((await screen.findByTestId('at-risk')).textContent).toContain('Contoso Dynamics Consulting');
  });

  it('is not offered to a partner', async () => {
    await renderApp({ path: `/admin${AS_OF}`, token: 'dev-contoso' });
    expect(await screen.findByText('Not found')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Program operator view' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Catalog impact' })).toBeNull();
  });
});

describe('impact of a draft catalog', () => {
  const draft = (
    change: (raw: {
      competencies: { id: string; versions: { options: { id: string; levels: { id: string }[] }[] }[] }[];
    }) => void,
  ) => {
    const raw = JSON.parse(readFileSync(CATALOG, 'utf8'));
    change(raw);
    return new File([JSON.stringify(raw)], 'draft.json', { type: 'application/json' });
  };

  it('computes what a draft would change, with totals per level and each change linked to its organization', async () => {
    const log = await renderApp({ path: `/program/impact${AS_OF}` });
    // Without Gold in the Cloud CRM reseller option.
    const file = draft((raw) => {
      for (const version of raw.competencies.find((c) => c.id === 'cloud-crm')?.versions ?? [])
        for (const option of version.options) option.levels = option.levels.filter((l) => l.id !== 'gold');
    });
    fireEvent.change(await screen.findByLabelText('Draft catalog (YAML or JSON)'), { target: { files: [file] } });
    const submit = screen.getByRole('button', { name: 'Compute impact' });
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    const summary = await screen.findByTestId('impact-summary', {}, { timeout: 3000 });
    expect(summary.textContent).toBe('2 organizations affected: 0 levels gained, 1 lost, 1 other change');
    expect(log.calls).toContain('POST /api/program/impacts?asOf=2018-03-31&name=draft.json');
    // Named once the list of organizations has arrived.
    const rowsOf = () => within(screen.getByTestId('impact-changes')).getAllByRole('row').slice(1);
    await waitFor(() =>
      expect(rowsOf().map((r) => r.textContent)).toEqual([
        'Contoso Dynamics ConsultingCloud Customer Relationship Management (Cloud CRM) · Cloud CRM reseller option · Gold✔ attainednot in this catalog',
        'Fabrikam Business SystemsCloud Customer Relationship Management (Cloud CRM) · Cloud CRM reseller option · Gold✘ not attainednot in this catalog',
      ]),
    );
    const rows = rowsOf();
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'Contoso Dynamics Consulting' })
        .getAttribute('href'),
    ).toBe('/orgs/contoso?asOf=2018-03-31');
    const totals = within(screen.getByTestId('impact-totals')).getAllByRole('row').slice(1);
    expect(totals.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([['0', '1', '1']]);
  });

  it('lists every problem of a refused draft', async () => {
    await renderApp({ path: `/program/impact${AS_OF}`, locale: 'ko-KR' });
    const file = new File(['id: draft\ncompetencies: 5\n'], 'draft.yaml', { type: 'application/yaml' });
    fireEvent.change(await screen.findByLabelText('초안 카탈로그(YAML 또는 JSON)'), { target: { files: [file] } });
    const submit = screen.getByRole('button', { name: '영향 계산' });
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    const refused = await screen.findByTestId('impact-refused');
    expect(within(refused).getByRole('heading').textContent).toMatch(/^초안 카탈로그가 거부되었습니다: 문제 \d+개$/);
    expect(refused.textContent).toContain('[catalog.');
  });
});

describe('history', () => {
  it('lists transitions with the cause in words: the forecast cause texts when time passed', async () => {
    await renderApp({ path: `/orgs/contoso/history${AS_OF}`, before: (app) => runProgram(app, '2018-05-31') });
    const table = await screen.findByTestId('transitions');
    const rows = within(table).getAllByRole('row').slice(1);
    const first = rows[0] as HTMLElement;
    const cells = [...first.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[0]).toBe('Apr 30, 2018');
    expect(within(first).getByRole('rowheader').textContent).toBe(
      'Cloud Customer Relationship Management (Cloud CRM) · Cloud CRM reseller option · Gold',
    );
    expect(cells[1]).toBe('✔ attained → ✘ not attained');
    const change = (await forecastOf(contoso, '2018-03-31', '2018-05-31')).changes.find(
      (c: { level: string; competency: string }) => c.competency === 'cloud-crm' && c.level === 'gold',
    );
    expect(cells[2]).toBe(`time: ${describeCauses(change, new Formatter('en', catalog), 'en')}`);
    expect(cells[2]).toContain('leaves the trailing twelve months');
    // The first evaluation of each level, last.
    expect(rows.at(-1)?.querySelectorAll('td')[2]?.textContent).toBe('first evaluation');
  });

  it('says when the data changed, in Chinese', async () => {
    await renderApp({
      path: `/orgs/contoso/history${AS_OF}`,
      locale: 'zh-TW',
      before: async (app) => {
        const headers = { authorization: 'Bearer dev-admin', 'content-type': 'application/json' };
        // Contoso without its revenue: every level it held is lost.
        const document = await (await app.request('/api/orgs/contoso', { headers })).json();
        const put = await app.request('/api/orgs/contoso', {
          method: 'PUT',
          headers,
          body: JSON.stringify({ ...document, revenue: [] }),
        });
        expect(put.status).toBe(200);
      },
    });
    const table = await screen.findByTestId('transitions');
    const rows = within(table).getAllByRole('row').slice(1);
    const changed = rows.filter((r) => r.querySelectorAll('td')[2]?.textContent === '資料已變更');
    expect(changed.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '雲端業務應用程式 · 企業客戶業務開發選項 · 銀會員',
      '雲端客戶關係管理 · 雲端 CRM 經銷商選項 · 金級',
      '雲端客戶關係管理 · 雲端 CRM 經銷商選項 · 銀級',
    ]);
    expect(changed[0]?.querySelectorAll('td')[1]?.textContent).toBe('✔ 已達成 → ✘ 未達成');
  });
});

describe('overview: the stored standing', () => {
  it('shows each level’s lifecycle, and when a level will be lost and why', async () => {
    await renderApp({ path: `/orgs/contoso${AS_OF}` });
    const card = await screen.findByTestId('option-cloud-crm-reseller');
    await waitFor(() => expect(within(card).getAllByTestId('lifecycle')).toHaveLength(2));
    expect(
      within(card)
        .getAllByTestId('lifecycle')
        .map((e) => e.textContent),
    ).toEqual(['Lifecycle: Qualified', 'Lifecycle: Qualified']);
    // As of the page's day, the outlook says it first; the stored standing's note gives way to it.
    await waitFor(() =>
      expect(within(within(card).getByTestId('level-gold')).getByTestId('next-change').textContent).toBe(
        'Gold lapses on Apr 30, 2018: revenue of Apr 30, 2017 (Microsoft Dynamics CRM Online) leaves the trailing twelve months',
      ),
    );
    expect(within(card).queryAllByTestId('at-risk-note')).toHaveLength(0);
  });

  it('says which day the stored standing is as of when the page shows another', async () => {
    await renderApp({ path: '/orgs/contoso?asOf=2018-04-15' });
    expect((await screen.findByTestId('standing-as-of')).textContent).toBe('Lifecycle: Stored standings as of Mar 31, 2018');
  });

  it('says the first evaluation is queued before there is one, in Korean', async () => {
    await renderApp({ path: `/orgs/contoso${AS_OF}`, programAsOf: null, locale: 'ko-KR' });
    expect((await screen.findByTestId('standing-pending')).textContent).toBe(
      '첫 평가가 대기 중입니다. 평가가 실행되면 수명 주기 상태가 표시됩니다.',
    );
    expect(screen.queryAllByTestId('lifecycle')).toHaveLength(0);
  });
});

describe('organizations list', () => {
  it('says which levels each organization holds, its highest per option, from the stored standings', async () => {
    await renderApp({ path: '/' });
    const cards = await screen.findAllByTestId('org-held');
    const contoso = cards.find((c) => c.closest('li')?.textContent?.includes('contoso')) as HTMLElement;
    expect(contoso.textContent).toContain('Holds, as of Mar 31, 2018:');
    // Silver and Gold of Cloud CRM are held: Gold alone is named.
    expect(
      within(contoso)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '✔ Gold Cloud Customer Relationship Management (Cloud CRM) · Cloud CRM reseller option',
      '✔ Silver Cloud Business Applications · Enterprise Customer Engagement option',
    ]);
  });

  it('speaks the page language, and says when the program has not evaluated an organization yet', async () => {
    await renderApp({ path: '/', locale: 'ko-KR' });
    const held = (await screen.findAllByTestId('org-held')).map((c) => c.textContent);
    expect(held.find((text) => text?.includes('골드'))).toContain('2018. 3. 31. 기준 보유 등급:');
    expect(held).toContain('2018. 3. 31. 기준 보유한 등급이 없습니다.');
    cleanup();
    await renderApp({ path: '/', programAsOf: null });
    expect(await screen.findAllByText('Not evaluated yet: the program has not run since it was added.')).toHaveLength(2);
  });
});

describe('the as-of date', () => {
  it('is chosen in the page language, in its order, and a shorter month keeps a real day', async () => {
    await renderApp({ path: '/orgs/contoso/plan?asOf=2018-03-31', locale: 'ko-KR' });
    const group = await screen.findByRole('group', { name: '기준일' });
    const selects = within(group).getAllByRole('combobox');
    expect(selects.map((s) => s.getAttribute('aria-label'))).toEqual(['연도', '월', '일']);
    expect(selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toEqual(['2018년', '3월', '31일']);
    fireEvent.change(within(group).getByRole('combobox', { name: '월' }), { target: { value: '4' } });
    await waitFor(() => expect(window.location.search).toContain('asOf=2018-04-30'));
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2018-04-30');
  });

  it('reads month, day, year in English', async () => {
    await renderApp({ path: '/orgs/contoso/plan?asOf=2018-03-31' });
    const group = await screen.findByRole('group', { name: 'As of' });
    const selects = within(group).getAllByRole('combobox') as HTMLSelectElement[];
    expect(selects.map((s) => s.selectedOptions[0]?.textContent)).toEqual(['Mar', '31', '2018']);
  });
});
