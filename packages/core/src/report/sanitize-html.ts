/**
 * Raw HTML in report markdown, reduced to what GitHub lets through: an allowlist of tags and
 * attributes, no scripts, no event handlers, no `javascript:` URLs. Anything else is shown as
 * text rather than dropped, so the preview makes hostile input visible.
 *
 * Written here because the well-kept sanitizers (DOMPurify, sanitize-html) need a DOM or pull in
 * a parser stack, and the input is already cut into single tags or small blocks by marked.
 */

const ALLOWED_TAGS = new Set(
  (
    'a abbr b bdo blockquote br caption cite code dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp small source ' +
    'span strike strong sub summary sup table tbody td tfoot th thead time tr tt ul var wbr'
  ).split(' '),
);

const GLOBAL_ATTRS = new Set(['align', 'title', 'lang', 'dir', 'valign', 'width', 'height', 'abbr']);
const TAG_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt']),
  source: new Set(['srcset', 'media', 'type']),
  details: new Set(['open']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan']),
  ol: new Set(['start', 'type']),
  li: new Set(['value']),
  time: new Set(['datetime']),
  blockquote: new Set(['cite']),
  q: new Set(['cite']),
  del: new Set(['cite']),
  ins: new Set(['cite']),
};
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'cite']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function escapeHtmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Entities decoded just enough to see the scheme a browser would see (`jav&#x61;script:`). */
function decodeForCheck(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16) || 0xfffd))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d) || 0xfffd))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
}

/** http(s), mailto, relative paths and fragments; `data:` images only where an image goes. */
export function isSafeUrl(url: string, image = false): boolean {
  const u = decodeForCheck(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(u)?.[1];
  if (scheme === undefined) return true;
  if (scheme === 'http' || scheme === 'https') return true;
  if (scheme === 'mailto') return !image;
  return image && scheme === 'data' && /^data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/.test(u);
}

export function sanitizeHtml(html: string): string {
  return html.replace(TOKEN, (token, closing: string | undefined, name: string | undefined, attrs: string | undefined) => {
    if (token.startsWith('<!--')) return '';
    if (name === undefined) return token === '<' ? '&lt;' : token.replace(/>/g, '&gt;');
    const tag = name.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return escapeHtmlText(token);
    if (closing) return `</${tag}>`;
    const kept: string[] = [];
    for (const m of (attrs ?? '').matchAll(ATTR)) {
      const attr = m[1].toLowerCase();
      if (!GLOBAL_ATTRS.has(attr) && !TAG_ATTRS[tag]?.has(attr)) continue;
      const value = m[2] ?? m[3] ?? m[4];
      if (value === undefined) {
        kept.push(attr);
        continue;
      }
      if (URL_ATTRS.has(attr) && !isSafeUrl(value, tag === 'img' || tag === 'source')) continue;
      kept.push(`${attr}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
    }
    return `<${tag}${kept.map((a) => ' ' + a).join('')}>`;
  });
}
