// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from './support.js';

describe('signing in and languages', () => {
  it('asks for a token, refuses a bad one, and opens the partner organization with a good one', async () => {
    await renderApp({ path: '/?asOf=2018-03-31', token: null });
    const input = await screen.findByLabelText('Access token');
    fireEvent.change(input, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'This token was not accepted.');
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'dev-contoso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Contoso Dynamics Consulting' })).toBeTruthy();
    expect(window.location.pathname).toBe('/orgs/contoso');
    expect(window.location.search).toBe('?asOf=2018-03-31');
    expect(window.localStorage.getItem('attain.token')).toBe('dev-contoso');
  });

  it('says a bad token was refused even when the second check answers 401 after the first', async () => {
    await renderApp({ path: '/?asOf=2018-03-31', token: null });
    const mock = globalThis.fetch;
    // /api/catalog's 401 lands a few microtasks after /api/me's has been handled, before React re-renders.
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await mock(input, init);
      if (String(input).startsWith('/api/catalog')) for (let i = 0; i < 5; i++) await Promise.resolve();
      return response;
    });
    fireEvent.change(await screen.findByLabelText('Access token'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'This token was not accepted.');
  });

  it('switches every word and the catalog names, and remembers the language', async () => {
    await renderApp({ path: '/orgs/contoso?asOf=2018-03-31' });
    await screen.findByTestId('overview');
    expect(screen.getAllByText('Cloud Business Applications').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-TW' } });
    expect(await screen.findAllByText('雲端業務應用程式')).not.toHaveLength(0);
    expect(screen.getByRole('link', { name: '為何不是金級？' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(window.localStorage.getItem('attain.locale')).toBe('zh-TW');
    // Amounts and dates in Traditional Chinese formats.
    expect(screen.getByTestId('overview').textContent).toContain('2018年3月31日');
    fireEvent.change(screen.getByLabelText('語言'), { target: { value: 'ko-KR' } });
    expect(await screen.findAllByText('클라우드 비즈니스 애플리케이션')).not.toHaveLength(0);
    expect(screen.getByTestId('overview').textContent).toContain('2018. 3. 31.');
  });

  it('shows "not found" for an organization the token cannot see', async () => {
    await renderApp({ path: '/orgs/fabrikam', token: 'dev-contoso' });
    expect(await screen.findByText('Not found')).toBeTruthy();
  });

  it('never titles a page with the id of an organization the token cannot see, whichever answer comes first', async () => {
    await renderApp({ path: '/orgs/fabrikam?asOf=2018-03-31', token: 'dev-contoso' });
    const mock = globalThis.fetch;
    // The list of organizations answers only after the overview's own request has been refused.
    let listed: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => {
      listed = resolve;
    });
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await mock(input, init);
      if (String(input).startsWith('/api/orgs/fabrikam/')) listed();
      if (String(input).split('?')[0] === '/api/orgs') {
        await refused;
        // And a turn of the event loop later, so that the page renders the refusal on its own first.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return response;
    });
    await screen.findByRole('heading', { name: 'Not found' });
    expect(document.body.textContent?.toLowerCase()).not.toContain('fabrikam');
  });

  it('signs out', async () => {
    await renderApp({ path: '/orgs/contoso?asOf=2018-03-31', token: 'dev-contoso' });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByLabelText('Access token')).toBeTruthy());
    expect(window.localStorage.getItem('attain.token')).toBeNull();
  });
});
