import { AttainError } from '../core/attain-error.js';

/** Why a webhook address is refused. */
export type AlertUrlProblem = 'malformed' | 'scheme' | 'http-host' | 'credentials';

/**
 * A webhook address the server may post to: https anywhere, or plain http only to the hosts the operator allows
 * (`ATTAIN_ALERT_HTTP_HOSTS`). The server posts from inside the network, so an address is a request it makes on the
 * subscriber's behalf (server-side request forgery): plain http goes only where the operator said it may, and no
 * address carries credentials. Returns the address as the URL parser writes it.
 */
export function checkAlertUrl(text: string, httpHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(text, 'malformed');
  }
  if (url.username !== '' || url.password !== '') throw refuse(text, 'credentials');
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol !== 'http:') throw refuse(text, 'scheme');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (!httpHosts.map((h) => h.toLowerCase()).includes(host)) throw refuse(text, 'http-host');
  return url.toString();
}

/** The hosts plain http may reach, from the setting's comma-separated list. */
export function alertHttpHosts(setting: string | undefined): readonly string[] {
  return (setting ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

function refuse(url: string, reason: AlertUrlProblem): AttainError {
  return new AttainError('alert.url.invalid', `the webhook address "${url}" is refused (${reason})`, [
    { code: 'alert.url.invalid', path: '$.url', params: { url, reason } },
  ]);
}
