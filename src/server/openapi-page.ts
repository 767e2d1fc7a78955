/** The reference's one inline style: the Content-Security-Policy allows it by its hash (see security-headers.ts). */
export const DOCS_STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}';

/** A readable reference of the OpenAPI document, rendered on the server: no script, no CDN, works offline. */
export function openApiPage(document: unknown): string {
  const doc = document as {
    info?: { title?: string; description?: string };
    paths?: Record<
      string,
      Record<string, { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean }[] }>
    >;
  };
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map((p) => `<code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', required' : ''})`)
        .join(', ');
      return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}${
        op.description ? `<br><small>${escapeHtml(op.description)}</small>` : ''
      }</td><td>${params}</td></tr>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info?.title ?? 'API')}</title>
<style>${DOCS_STYLE}</style>
</head><body><h1>${escapeHtml(doc.info?.title ?? 'API')}</h1><p>${escapeHtml(doc.info?.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>
<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th><th>Parameters</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);
}
