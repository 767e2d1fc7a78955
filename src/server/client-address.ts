/** The address a request came from, as its socket says (no proxy header is trusted); none for in-process requests. */
export function socketAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/**
 * The client an address counts for: an IPv4 address itself, or the /64 network of an IPv6 one, since one machine
 * holds a whole /64.
 */
export function clientOf(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1] as string;
  if (!address.includes(':')) return address;
  return `${expandV6(address).slice(0, 4).join(':')}::/64`;
}

function expandV6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
}
