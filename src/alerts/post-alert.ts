import { VERSION } from '../version.js';
import { signAlert } from './sign-alert.js';

/** What one POST to a webhook came to. */
export interface PostOutcome {
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  /** Whether trying again later may succeed: no answer, a timeout, 5xx, 408 or 429. */
  readonly retry: boolean;
  readonly delivered: boolean;
}

/** How much of a receiver's error answer is kept in the send log. */
const ERROR_TEXT = 200;

/**
 * Posts a signed alert. Redirects are not followed (the address was checked, where it leads was not), and a receiver
 * gets `timeoutMs` to answer. Never throws: the outcome says what happened.
 */
export async function postAlert(
  url: string,
  secret: string,
  delivery: { readonly id: string; readonly event: string },
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  const start = performance.now();
  const elapsed = () => Math.round(performance.now() - start);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': `attain-alerts/${VERSION}`,
        'x-attain-event': `level.${delivery.event}`,
        'x-attain-delivery': delivery.id,
        'idempotency-key': `attain-delivery-${delivery.id}`,
        'x-attain-timestamp': String(timestamp),
        'x-attain-signature': signAlert(secret, timestamp, body),
      },
      body,
    });
    const text = response.ok ? '' : (await response.text().catch(() => '')).slice(0, ERROR_TEXT);
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    const delivered = status >= 200 && status < 300;
    return {
      statusCode: status,
      error: delivered ? null : `HTTP ${status}${text ? `: ${text}` : ''}`,
      durationMs: elapsed(),
      retry: status >= 500 || status === 408 || status === 429,
      delivered,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = timedOut
      ? `no answer within ${timeoutMs} ms`
      : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
    // fetch refuses some ports outright (its "bad port" list, SMTP's 25 among them): no retry changes that.
    return { statusCode: null, error: reason, durationMs: elapsed(), retry: reason !== 'bad port', delivered: false };
  }
}
