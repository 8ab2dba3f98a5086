import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked, type Tokens } from 'marked';
import { escapeText } from '../section/escape.js';
import { findLocalImages, rewriteImages } from './images.js';
import { escapeHtmlText, isSafeUrl, sanitizeHtml } from './sanitize-html.js';

/**
 * The report as a self-contained HTML page that looks the way GitHub shows the comment: GFM,
 * the raw HTML GitHub allows, mermaid charts drawn by mermaid itself, local images inlined. It
 * works offline (one file to attach to an artifact or open from disk) and is what the
 * end-to-end test screenshots to see the report as a person would.
 */

export interface HtmlOptions {
  title: string;
  /** Where relative image paths start; without it local images are not inlined. */
  baseDir?: string;
  /**
   * Single line breaks as `<br>` (default true): GitHub renders comments that way, unlike
   * markdown files.
   */
  breaks?: boolean;
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
};

let mermaidSource: Promise<string> | undefined;

/**
 * mermaid's browser build, made safe to inline: `</script` or `<!--` inside it would end or
 * confuse the script element. `\x3C` means `<` in every place such text can occur in minified
 * code (string, template and regex literals).
 */
function mermaidScript(): Promise<string> {
  mermaidSource ??= readFile(mermaidPath(), 'utf8').then((js) => js.replace(/<(\/?script|!--)/gi, '\\x3C$1'));
  return mermaidSource;
}

/**
 * ncc does not carry mermaid's 5 MB browser build into a bundle: an action that renders HTML
 * ships it in actions/<name>/assets/, beside the bundle; elsewhere it comes from node_modules.
 */
function mermaidPath(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'mermaid.min.js');
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

const INIT_SCRIPT = `mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true })
  .catch(function (e) { console.error(e); })
  .finally(function () { document.body.setAttribute('data-mermaid', 'done'); });`;

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

export async function renderHtml(markdown: string, opts: HtmlOptions): Promise<string> {
  const withImages = opts.baseDir ? await inlineImages(markdown, opts.baseDir) : markdown;
  const body = await markdownToHtml(withImages, opts.breaks ?? true);
  const mermaid = await mermaidScript();
  // Defence in depth behind the sanitiser: only our two scripts may run (by hash), and no
  // inline event handler can (they would need 'unsafe-inline' or 'unsafe-hashes').
  const csp = [
    "default-src 'none'",
    'img-src data: https: http:',
    "style-src 'unsafe-inline'",
    'font-src data:',
    `script-src ${sha256(mermaid)} ${sha256(INIT_SCRIPT)}`,
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtmlText(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="comment">
<div class="comment-header"><strong>mlci</strong> commented</div>
<article class="markdown-body">
${body}
</article>
</div>
<script>${mermaid}</script>
<script>${INIT_SCRIPT}</script>
</body>
</html>
`;
}

async function inlineImages(markdown: string, baseDir: string): Promise<string> {
  const urls = new Map<string, string>();
  for (const img of findLocalImages(markdown, baseDir)) {
    const mime = MIME[extname(img.path).toLowerCase()];
    if (!mime) continue;
    urls.set(img.ref, `data:${mime};base64,${(await readFile(img.path)).toString('base64')}`);
  }
  return rewriteImages(markdown, urls, (ref, alt) => `_image not found: ${escapeText(alt || ref)}_`);
}

async function markdownToHtml(markdown: string, breaks: boolean): Promise<string> {
  const marked = new Marked({ gfm: true, breaks, async: false });
  marked.use({
    renderer: {
      code({ text, lang }: Tokens.Code) {
        // mermaid reads the element's text, so the source is escaped like any other text.
        if ((lang ?? '').trim().split(/\s/)[0] === 'mermaid') return `<pre class="mermaid">${escapeHtmlText(text)}</pre>\n`;
        return false;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return sanitizeHtml(text);
      },
      link(token: Tokens.Link) {
        if (isSafeUrl(token.href)) return false;
        return this.parser.parseInline(token.tokens);
      },
      image(token: Tokens.Image) {
        if (isSafeUrl(token.href, true)) return false;
        return escapeHtmlText(token.text);
      },
    },
  });
  return marked.parse(markdown) as string;
}

// A small GitHub-like light theme: what matters is that a person reading the screenshot sees
// tables, folded sections, code and charts the way the comment will look.
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: #fff; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"; }
.comment { max-width: 920px; margin: 0 auto; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.comment-header strong { color: #1f2328; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
h1, h2, h3, h4, h5, h6 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; } h4 { font-size: 1em; }
h1, h2 { padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
p, blockquote, ul, ol, dl, table, pre, details { margin: 0 0 16px; }
ul, ol { padding-left: 2em; }
li + li { margin-top: .25em; }
li:has(> input[type=checkbox]) { list-style: none; }
li > input[type=checkbox] { margin: 0 .2em .25em -1.4em; vertical-align: middle; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
code, tt, kbd, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
code, tt { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces; background: #818b981f; border-radius: 6px; }
pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; font-size: 100%; white-space: pre; background: transparent; }
pre.mermaid { background: transparent; text-align: center; font-family: inherit; font-size: 14px; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; margin-left: 0; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; font-variant: tabular-nums; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
img { max-width: 100%; background: #fff; }
hr { height: .25em; padding: 0; margin: 24px 0; background: #d1d9e0; border: 0; }
details summary { cursor: pointer; }
details > summary + * { margin-top: 16px; }
sub, sup { font-size: 75%; }
kbd { padding: 3px 5px; font-size: 11px; border: 1px solid #d1d9e0; border-radius: 6px; background: #f6f8fa; }
`;
