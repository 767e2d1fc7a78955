import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { DOCS_STYLE } from './openapi-page.js';

/**
 * The security headers of every response, the dashboard's and the API's. The dashboard keeps its bearer token in
 * localStorage, so script that is not its own must never run: its policy allows the page's own origin only (the
 * built bundle has no inline script or style; React sets styles through the DOM, which a policy does not govern),
 * and the API reference's one inline style by its hash. No page may be framed (clickjacking), no response is
 * sniffed into another type, and no URL leaves in a Referer header. Strict-Transport-Security is left to whatever
 * terminates TLS in front of the server: it speaks plain HTTP itself.
 */
export function securityHeaders(): MiddlewareHandler {
  const docsStyle = `'sha256-${createHash('sha256').update(DOCS_STYLE).digest('base64')}'`;
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", docsStyle],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
}
