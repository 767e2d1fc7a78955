import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { JsonText } from './compute/compute-tasks.js';
import { JSON_HEADERS } from './route-helpers.js';

/**
 * Sends JSON text a worker thread already wrote, as it is: `c.json` would parse and serialize it again. Typed as
 * the response of the value it encodes, so that the route's declared schema still checks what the task returns.
 */
export function jsonText<T, S extends 200>(
  c: Context,
  text: JsonText<T>,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  // The one place the text's phantom type becomes the response's: the bytes are the JSON of a T by construction.
  const response: Response = c.body(text, status, JSON_HEADERS);
  return response as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
