/**
 * The hidden first line that identifies a report's comment, so the next run edits it instead of
 * adding another. Characters that could end the HTML comment or the attribute (`>`, `!`, `"`,
 * `<`, line breaks ...) are percent-encoded.
 */
export function reportMarker(id: string): string {
  const safe = [...id]
    .map((c) => (/^[A-Za-z0-9._~:/@+=,;-]$/.test(c) ? c : [...Buffer.from(c, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')))
    .join('');
  return `<!-- mlci-report id="${safe}" -->`;
}

/**
 * True when `body` is this report's comment: the marker must be the body's very first line, so a
 * person quoting our marker further down their own comment is not taken for us.
 */
export function hasMarker(body: string, id: string): boolean {
  const end = body.indexOf('\n');
  const first = end < 0 ? body : body.slice(0, end);
  return first.replace(/\r$/, '') === reportMarker(id);
}
