import { AttainError, type Issue } from '../core/attain-error.js';
import type { RunningServer } from './running-server.js';

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * The HTTP API of a running `attain serve`, as a command line uses it when the server holds the embedded store.
 * An error answer becomes the same AttainError the server raised (code, message, issues), so the command prints
 * and exits exactly as it would have on the store itself.
 */
export class ServerClient {
  constructor(readonly server: RunningServer) {}

  get where(): string {
    return `the attain serve at ${this.server.url} (process ${this.server.pid})`;
  }

  async json<T>(method: string, route: string, options: { query?: Query; body?: unknown; text?: string; type?: string } = {}) {
    const response = await this.send(method, route, options);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  async text(route: string, query?: Query): Promise<string> {
    return (await this.send('GET', route, query === undefined ? {} : { query })).text();
  }

  private async send(
    method: string,
    route: string,
    options: { query?: Query; body?: unknown; text?: string; type?: string },
  ): Promise<Response> {
    const url = new URL(route.replace(/^\//, ''), this.server.url);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const body = options.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const type = options.type ?? (options.body === undefined ? undefined : 'application/json');
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.server.secret}`, ...(type && { 'content-type': type }) },
        ...(body !== undefined && { body }),
      });
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new AttainError('cli.server.unreachable', `${this.where} holds the store but does not answer (${reason})`, [
        { code: 'cli.server.unreachable', path: '$', params: { url: this.server.url, reason } },
      ]);
    }
    if (response.ok) return response;
    throw await errorOf(response);
  }
}

async function errorOf(response: Response): Promise<AttainError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string; file?: string; issues?: Issue[] } };
    return AttainError.fromJSON(error);
  } catch {
    return new AttainError('cli.server.answer', `the server answered ${response.status}: ${text.slice(0, 200)}`, [
      { code: 'cli.server.answer', path: '$', params: { status: response.status } },
    ]);
  }
}
