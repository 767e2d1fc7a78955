/** The address a request's socket came from; none for in-process requests. */
export function socketAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/**
 * The address a request came from: its socket's, unless that is one of the `trusted` proxies, whose
 * `X-Forwarded-For` then names the client: the nearest address in it that is not itself a trusted proxy. Anyone can
 * send the header, so it is read only from the proxies the operator named; otherwise one client could spread its
 * failed authentications over made-up addresses, or lock another out.
 */
export function clientAddress(env: unknown, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string | undefined {
  const socket = socketAddress(env);
  if (socket === undefined || !trusted.has(plain(socket)) || forwardedFor === undefined) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i] as string);
    if (!trusted.has(hop)) return hop;
  }
  return socket;
}

/** An IPv4 address as itself, not in its IPv6-mapped form (`::ffff:10.0.0.1`). */
function plain(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

/**
 * The client an address counts for: an IPv4 address itself, or the /64 network of an IPv6 one, since one machine
 * holds a whole /64.
 */
export function clientOf(address: string): string {
  const v4 = plain(address);
  if (!v4.includes(':')) return v4;
  return `${expandV6(address).slice(0, 4).join(':')}::/64`;
}

function expandV6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
}
