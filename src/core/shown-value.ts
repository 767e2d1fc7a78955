/** The most characters of a value an error repeats back. */
export const MAX_SHOWN_CHARS = 200;

/**
 * A value as an error shows it: cut after 200 characters. A 31 MiB header cell repeated in an error's value and
 * its message in three places made a 130 MB response.
 */
export function shownValue(value: string): string {
  if (value.length <= MAX_SHOWN_CHARS) return value;
  // Not between the two halves of a surrogate pair.
  const end =
    value.charCodeAt(MAX_SHOWN_CHARS - 1) >= 0xd800 && value.charCodeAt(MAX_SHOWN_CHARS - 1) < 0xdc00
      ? MAX_SHOWN_CHARS - 1
      : MAX_SHOWN_CHARS;
  return `${value.slice(0, end)}…`;
}

/** Issue parameters with every string value cut as `shownValue` does. */
export function shownParams<T extends Readonly<Record<string, string | number>>>(params: T): T {
  for (const key in params) {
    const value = params[key];
    if (typeof value === 'string' && value.length > MAX_SHOWN_CHARS) return cutAll(params);
  }
  return params;
}

function cutAll<T extends Readonly<Record<string, string | number>>>(params: T): T {
  const cut: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) cut[key] = typeof value === 'string' ? shownValue(value) : value;
  return cut as T;
}
