import type { ApiIssue, ApiIssueGroup } from './types.js';

/** An error the API answered with: its HTTP status and the coded body `{ error: { code, message, issues } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    /** A refused import's problems by cause, when the server grouped them. */
    readonly groups: readonly ApiIssueGroup[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined | null>>;

/** A path with its query string; repeated keys for arrays (`exclude=p1&exclude=p2`), empty values left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the API with the bearer token. The only way the dashboard reaches data. */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void = () => {},
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.send<T>('GET', apiUrl(path, query), undefined, undefined, signal);
  }

  /** Sends a file as the raw body, with its media type; or nothing (a command such as "run now"). */
  post<T>(path: string, query: Query, body?: string, contentType?: string): Promise<T> {
    return this.send<T>('POST', apiUrl(path, query), body, contentType);
  }

  /** Sends a JSON body (or none) with any method: a subscription created, changed or removed. */
  json<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
  }

  /** A download the API guards with the token (a CSV export): its body as a blob, to save from the page. */
  async blob(path: string, query?: Query): Promise<Blob> {
    const response = await this.fetcher(apiUrl(path, query), { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw await toError(response);
    return response.blob();
  }

  private async send<T>(method: string, url: string, body?: string, contentType?: string, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const response = await this.fetcher(url, { method, headers, ...(body !== undefined && { body }), ...(signal && { signal }) });
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw await toError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; issues?: ApiIssue[]; groups?: ApiIssueGroup[] };
    };
    const error = body.error ?? {};
    return new ApiError(
      response.status,
      error.code ?? `http.${response.status}`,
      error.message ?? response.statusText,
      error.issues,
      error.groups,
    );
  } catch {
    return new ApiError(response.status, `http.${response.status}`, response.statusText);
  }
}

/** The media type to send a file as, from its name. */
export function mediaTypeOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'application/yaml';
  return 'text/csv';
}
