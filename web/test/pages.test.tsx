// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Formatter } from '../../src/render/formatter.js';
import { MESSAGES } from '../../src/render/messages.js';
import { renderGap } from '../../src/render/render-text.js';
import { optionCards } from '../src/lib/requirement-tree.js';
import { catalog, contoso, evaluationOf } from './fixtures.js';
import { renderApp } from './support.js';

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
    expect(screen.getByRole('rowheader', { name: 'new-1 (new hire)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Exclude 王小明' }));
    await waitFor(() => expect(screen.getByTestId('plan-cost').textContent).toBe('9 new people, 32 exams'));
    expect(screen.getByTestId('plan-compare').textContent).toBe('Without exclusions: 8 new people, 29 exams.');
    expect(log.calls.some((c) => c.includes('/plan?') && c.includes('exclude=p1'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Include 王小明 again' }));
    await waitFor(() => expect(screen.getByTestId('plan-cost').textContent).toBe('8 new people, 29 exams'));
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
    await screen.findByTestId('import-applied');
    // The tables reload after a real import.
    await waitFor(() => expect(screen.getByRole('tab', { name: /Revenue/ }).textContent).toBe('Revenue (9)'));

    const bad = new File(['customer_id,product,date,amount,currency\nnorthwind,crm-online,2018-02-30,12x,USD\n'], 'bad.csv', {
      type: 'text/csv',
    });
    fireEvent.change(input, { target: { files: [bad] } });
    await waitFor(() => expect(screen.queryByTestId('import-applied')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const refused = await screen.findByTestId('import-refused');
    expect(within(refused).getByRole('heading').textContent).toBe('Refused: 2 problems, nothing was saved');
    const rows = within(within(refused).getByTestId('bad-rows')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['2', 'date', '"2018-02-30" is not a date (YYYY-MM-DD, a real calendar day) [import.date.invalid]'],
      ['2', 'amount', expect.stringMatching(/"12x".*\[import\.amount\.invalid\]$/)],
    ]);
  });
});

describe('program operator view', () => {
  it('lists every organization with counts per level and those at risk, filterable', async () => {
    await renderApp({ path: `/admin${AS_OF}` });
    const table = await screen.findByTestId('program-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByTestId('at-risk').textContent).toContain(
      'Contoso Dynamics Consulting: loses Cloud CRM reseller option · Gold on Apr 30, 2018',
    );
    expect(within(screen.getByTestId('level-counts')).getAllByRole('listitem')[0]?.textContent).toContain('1 attained');
    fireEvent.change(screen.getByLabelText('Market'), { target: { value: 'developing' } });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByRole('link', { name: 'Fabrikam Business Systems' })).toBeTruthy();
  });

  it('is not offered to a partner', async () => {
    await renderApp({ path: `/admin${AS_OF}`, token: 'dev-contoso' });
    expect(await screen.findByText('Not found')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Program operator view' })).toBeNull();
  });
});
