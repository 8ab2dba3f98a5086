import { Lexer, type Token, type Tokens } from 'marked';
import stringWidth from 'string-width';

/**
 * The core writes GitHub markdown (escaped for GitHub: `\_`, `\*`, `&lt;`, `**bold**`, tables,
 * `<details>`); a terminal shows it as plain text. marked parses it; this renders marked's tokens
 * as text. Hand-written because marked-terminal (the library for this) leaves list items, images
 * and block HTML of marked 18 as raw markdown, and colours tables even when stdout is a file.
 */
export function markdownToText(markdown: string): string {
  const text = blocks(new Lexer({ gfm: true }).lex(markdown), '');
  return text
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
}

function blocks(tokens: Token[], indent: string): string {
  return tokens.map((t) => block(t, indent)).join('');
}

function block(t: Token, indent: string): string {
  switch (t.type) {
    case 'heading':
    case 'paragraph':
      return prefix(inline((t as Tokens.Heading | Tokens.Paragraph).tokens), indent) + '\n\n';
    case 'text': {
      const x = t as Tokens.Text;
      return prefix(x.tokens ? inline(x.tokens) : decodeEntities(x.text), indent) + '\n';
    }
    case 'list':
      return list(t as Tokens.List, indent) + '\n';
    case 'table':
      return table(t as Tokens.Table, indent) + '\n';
    case 'code':
      return prefix((t as Tokens.Code).text, indent + '    ') + '\n\n';
    case 'blockquote':
      return blocks((t as Tokens.Blockquote).tokens, indent + '  ');
    case 'hr':
      return indent + '-'.repeat(40) + '\n\n';
    case 'html': {
      const text = htmlToText(t.raw).trim();
      return text ? prefix(text, indent) + '\n' : '';
    }
    default:
      return '';
  }
}

function list(l: Tokens.List, indent: string): string {
  const start = typeof l.start === 'number' ? l.start : 1;
  return l.items
    .map((item, i) => {
      const bullet = l.ordered ? `${start + i}. ` : '- ';
      const check = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
      const body = blocks(item.tokens, indent + ' '.repeat(bullet.length)).replace(/\n+$/, '');
      return indent + bullet + check + body.slice(indent.length + bullet.length) + '\n';
    })
    .join('');
}

/** Columns padded to their widest cell (emoji and CJK count double), a rule under the header. */
function table(t: Tokens.Table, indent: string): string {
  const rows = [t.header.map((c) => inline(c.tokens)), ...t.rows.map((r) => r.map((c) => inline(c.tokens)))];
  const widths = t.header.map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i] - stringWidth(s)));
    return t.align[i] === 'right' ? gap + s : s + gap;
  };
  const line = (r: string[]) => (indent + r.map(pad).join('  ')).trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(Math.max(w, 1))).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n') + '\n';
}

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineToken).join('');
}

function inlineToken(t: Token): string {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : decodeEntities(x.text);
    }
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
    case 'em':
    case 'del':
      return inline((t as Tokens.Strong).tokens);
    case 'codespan':
      return decodeEntities((t as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'link': {
      const x = t as Tokens.Link;
      const label = inline(x.tokens);
      return label === x.href || x.href.startsWith('#') ? label : `${label} (${x.href})`;
    }
    case 'image': {
      const x = t as Tokens.Image;
      // marked leaves an image's alt text as written, backslash escapes and all.
      const alt = decodeEntities(x.text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
      return `[image${alt ? `: ${alt}` : ''}] ${x.href}`;
    }
    case 'html':
      return htmlToText(t.raw);
    default:
      return 'text' in t && typeof t.text === 'string' ? decodeEntities(t.text) : t.raw;
  }
}

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/summary>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function prefix(text: string, indent: string): string {
  return indent ? text.replace(/^(?=.)/gm, indent) : text;
}
