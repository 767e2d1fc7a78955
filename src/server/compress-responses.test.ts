import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './compress-responses.js';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['deflate', false],
    ['gzip;q=0', false],
    ['gzip; q=0.5', true],
    ['identity, *;q=0.1', true],
    ['*;q=0', false],
    ['br, gzip;q=0, *;q=1', false],
    ['GZIP', true],
    ['x-gzip', true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
