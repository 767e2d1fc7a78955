import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, apiUrl, mediaTypeOf } from '../src/api/client.js';
import { shorten } from '../src/components/charts/forecast-chart.js';
import { initialLocale } from '../src/lib/session.js';

describe('the API client', () => {
  it('writes arrays as repeated keys and leaves out empty values', () => {
    expect(apiUrl('/api/orgs/x/plan', { target: 'a/b/c', exclude: ['p1', 'p 2'], noHire: undefined, max: '', flag: false })).toBe(
      '/api/orgs/x/plan?target=a%2Fb%2Fc&exclude=p1&exclude=p+2',
    );
    expect(apiUrl('/api/me')).toBe('/api/me');
  });

  it('sends the bearer token and turns error bodies into coded errors', async () => {
    const seen: RequestInit[] = [];
    const client = new ApiClient('secret', undefined, async (_url, init) => {
      seen.push(init ?? {});
      return new Response(
        JSON.stringify({
          error: { code: 'import.invalid', message: '2 bad rows', issues: [{ code: 'org.date.invalid', params: { line: 3 } }] },
        }),
        { status: 400 },
      );
    });
    const error = await client.post('/api/orgs/x/imports/auto', { dryRun: 'true' }, 'a,b\n', 'text/csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'import.invalid',
      issues: [{ code: 'org.date.invalid', params: { line: 3 } }],
    });
    const headers = (seen[0]?.headers ?? {}) as Record<string, string>;
    expect(headers.authorization).toBe('Bearer secret');
    expect(headers['content-type']).toBe('text/csv');
  });

  it('signs out on 401, and copes with an error that is not JSON', async () => {
    let signedOut = false;
    const client = new ApiClient(
      'old',
      () => {
        signedOut = true;
      },
      async () => new Response('nope', { status: 401, statusText: 'Unauthorized' }),
    );
    await expect(client.get('/api/me')).rejects.toMatchObject({ status: 401, code: 'http.401' });
    expect(signedOut).toBe(true);
  });

  it('sends files with the media type of their name', () => {
    expect(mediaTypeOf('org.JSON')).toBe('application/json');
    expect(mediaTypeOf('org.yml')).toBe('application/yaml');
    expect(mediaTypeOf('exams.csv')).toBe('text/csv');
  });
});

describe('small helpers', () => {
  it('starts in the remembered language, else the browser language, else English', () => {
    expect(initialLocale('ko-KR', ['zh-TW'])).toBe('ko-KR');
    expect(initialLocale('fr', ['zh-Hant-TW', 'en'])).toBe('zh-TW');
    expect(initialLocale(null, ['ko'])).toBe('ko-KR');
    expect(initialLocale(null, ['fr-FR'])).toBe('en');
  });

  it('shortens chart labels by width, counting Chinese and Korean characters double', () => {
    expect(shorten('Cloud CRM reseller option', 30)).toBe('Cloud CRM reseller option');
    expect(shorten('Enterprise Customer Engagement option', 30)).toBe('Enterprise Customer Engagement…');
    expect(shorten('엔터프라이즈 고객 참여 옵션', 10)).toBe('엔터프라이…');
  });
});
