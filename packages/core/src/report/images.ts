import { realpathSync, statSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { outsideReason } from '../files/contained.js';
import { imageKind, UNTRUSTED_IMAGE_LIMITS } from '../files/image-kind.js';
import { escapeText } from '../section/escape.js';

export { imageKind, UNTRUSTED_IMAGE_LIMITS, type ImageKind } from '../files/image-kind.js';

/**
 * Local images in report markdown: `![alt](plots/roc.png)` and `<img src="plots/roc.png">`.
 * A comment cannot show the runner's files, so these are found (to be published or inlined) and
 * rewritten to the URLs they were published at, or to a text fallback.
 *
 * The markdown is scanned with regular expressions rather than a parser because the rewrite must
 * leave every other byte of the user's markdown as written, which a parse/serialise round trip
 * does not. Fenced code blocks and inline code spans are skipped: an image written inside code is
 * text. Reference-style images (`![alt][id]`) are not supported.
 */

export interface LocalImage {
  /** The destination as written in the markdown (without `<>`), the key for rewriteImages. */
  ref: string;
  /** Absolute path of the file. */
  path: string;
}

// Only image files: a markdown file from a pull request must not be able to send, say,
// /proc/self/environ or a symlink to it through the image publisher.
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif', '.bmp']);

// ![alt](dest "title"): alt may hold escaped brackets; dest is <...> or has no spaces and at most
// one level of balanced parentheses, as CommonMark allows.
const MD_IMAGE =
  /!\[((?:\\.|[^\\\]])*)\]\(\s*(<(?:\\.|[^\\<>\n])*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)(\s+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?\s*\)/g;
const HTML_IMG = /<img\b[^>]*>/gi;
const SRC_ATTR = /(\ssrc\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ALT_ATTR = /\salt\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

interface Found {
  ref: string;
  alt: string;
  /** Rebuilds the image with another destination. */
  withUrl: (url: string) => string;
}

/** True for `http:`, `data:`, `mailto:` ... and `//host`: anything that is not a file path. */
function isRemote(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#');
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function decodeHtmlAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The file path a markdown/HTML destination names: no query or fragment, percent-decoded. */
function refToFilePath(ref: string): string | undefined {
  const bare = ref.replace(/[?#].*$/, '');
  if (bare === '') return undefined;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * Calls `visit` for every image outside code; its return value (if a string) replaces the image.
 */
function visitImages(markdown: string, visit: (img: Found) => string | undefined): string {
  return mapOutsideCode(markdown, (text) =>
    text
      .replace(MD_IMAGE, (whole, alt: string, dest: string, title: string | undefined) => {
        const angled = dest.startsWith('<');
        const ref = angled ? dest.slice(1, -1) : dest;
        const found: Found = {
          ref: unescapeMarkdown(ref),
          alt: unescapeMarkdown(alt),
          withUrl: (url) => `![${alt}](${markdownDestination(url)}${title ?? ''})`,
        };
        return visit(found) ?? whole;
      })
      .replace(HTML_IMG, (tag) => {
        const src = SRC_ATTR.exec(tag);
        if (!src) return tag;
        const alt = ALT_ATTR.exec(tag);
        const found: Found = {
          ref: decodeHtmlAttr(src[3] ?? src[4] ?? src[5] ?? ''),
          alt: decodeHtmlAttr(alt ? (alt[2] ?? alt[3] ?? alt[4] ?? '') : ''),
          withUrl: (url) => tag.replace(SRC_ATTR, (_m, lead: string) => `${lead}"${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`),
        };
        return visit(found) ?? tag;
      }),
  );
}

function markdownDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\n]/g, encodeURIComponent)}>` : url;
}

/**
 * Local image files the markdown shows, in order, each once per distinct `ref`. Paths resolve
 * against `baseDir`; only existing image files count (by extension, after following symlinks).
 */
export function findLocalImages(markdown: string, baseDir: string): LocalImage[] {
  const found = new Map<string, LocalImage>();
  visitImages(markdown, ({ ref }) => {
    if (found.has(ref) || isRemote(ref)) return undefined;
    const path = localImagePath(ref, baseDir);
    if (path) found.set(ref, { ref, path });
    return undefined;
  });
  return [...found.values()];
}

function localImagePath(ref: string, baseDir: string): string | undefined {
  const file = refToFilePath(ref);
  if (file === undefined || isAbsolute(file)) return undefined;
  const path = resolve(baseDir, file);
  try {
    const real = realpathSync(path);
    // An image that resolves outside the workspace (or mlci's own folders) is never published.
    if (outsideReason(real)) return undefined;
    if (!IMAGE_EXTENSIONS.has(extname(real).toLowerCase()) || !statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return path;
}

export interface DroppedImage {
  ref: string;
  /** Why, in words for the report: "not a PNG, JPEG, GIF or WebP image". */
  reason: string;
}

export interface VettedImages {
  /** Per section, the images that may be published (paths resolved, inside the bundle). */
  kept: LocalImage[][];
  dropped: DroppedImage[][];
}

/**
 * Images of an untrusted bundle, checked before the write token commits anything: each must be a
 * file inside `root` once symlinks are followed (a `../../secret.png` or a link out is dropped),
 * a PNG, JPEG, GIF or WebP by its bytes, at most `bytesEach`, and together at most `count`
 * distinct files and `bytesTotal` bytes, in report order. The rest are dropped with a reason.
 */
export async function vetUntrustedImages(
  perSection: LocalImage[][],
  root: string,
  limits: typeof UNTRUSTED_IMAGE_LIMITS = UNTRUSTED_IMAGE_LIMITS,
): Promise<VettedImages> {
  const realRoot = await realpath(root);
  const accepted = new Map<string, number>(); // real path -> size
  let total = 0;
  const kept: LocalImage[][] = [];
  const dropped: DroppedImage[][] = [];
  for (const images of perSection) {
    const k: LocalImage[] = [];
    const d: DroppedImage[] = [];
    for (const img of images) {
      const verdict = await vetOne(img, realRoot);
      if ('reason' in verdict) {
        d.push({ ref: img.ref, reason: verdict.reason });
        continue;
      }
      const { real, size } = verdict;
      if (!accepted.has(real)) {
        if (size > limits.bytesEach) {
          d.push({ ref: img.ref, reason: `larger than ${mib(limits.bytesEach)}` });
          continue;
        }
        if (accepted.size >= limits.count) {
          d.push({ ref: img.ref, reason: `more than ${limits.count} images` });
          continue;
        }
        if (total + size > limits.bytesTotal) {
          d.push({ ref: img.ref, reason: `more than ${mib(limits.bytesTotal)} of images in all` });
          continue;
        }
        accepted.set(real, size);
        total += size;
      }
      k.push({ ref: img.ref, path: real });
    }
    kept.push(k);
    dropped.push(d);
  }
  return { kept, dropped };
}

function mib(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

async function vetOne(img: LocalImage, realRoot: string): Promise<{ real: string; size: number } | { reason: string }> {
  let real: string;
  try {
    real = await realpath(img.path);
  } catch {
    return { reason: 'not found' };
  }
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return { reason: 'outside the report bundle' };
  const file = await open(real, 'r');
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return { reason: 'not a file' };
    const head = Buffer.alloc(16);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    if (!imageKind(head.subarray(0, bytesRead))) return { reason: 'not a PNG, JPEG, GIF or WebP image' };
    return { real, size: stat.size };
  } finally {
    await file.close();
  }
}

/**
 * Points published images at their URLs (`urls`: ref → URL). Any other local image becomes the
 * `fallback` markdown for it (a mermaid chart or a table, set apart as a block when it spans
 * lines) or, without one, an italic note. Remote and data: images are left as they are.
 */
export function rewriteImages(markdown: string, urls: Map<string, string>, fallback?: (ref: string, alt: string) => string | undefined): string {
  return visitImages(markdown, ({ ref, alt, withUrl }) => {
    const url = urls.get(ref);
    if (url !== undefined) return withUrl(url);
    if (isRemote(ref)) return undefined;
    const text = fallback?.(ref, alt);
    if (text !== undefined) return text.includes('\n') ? `\n\n${text.trim()}\n\n` : text;
    return `_image not published: ${escapeText(alt || ref)}_`;
  });
}

/**
 * Applies `fn` to the parts of `markdown` that are neither fenced code blocks nor inline code
 * spans, keeping those as they are.
 */
export function mapOutsideCode(markdown: string, fn: (text: string) => string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: { char: string; length: number } | undefined;
  const flush = () => {
    if (prose.length) out.push(mapOutsideCodeSpans(prose.join(''), fn));
    prose = [];
  };
  for (const line of markdown.split(/(?<=\n)/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length) fence = undefined;
    } else if (marker && !(marker[1][0] === '`' && line.slice(marker[0].length).includes('`'))) {
      flush();
      fence = { char: marker[1][0], length: marker[1].length };
      out.push(line);
    } else {
      prose.push(line);
    }
  }
  flush();
  return out.join('');
}

function mapOutsideCodeSpans(text: string, fn: (text: string) => string): string {
  let result = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === '`') n++;
    const close = findBacktickRun(text, i + n, n);
    if (close < 0) {
      i += n;
      continue;
    }
    result += fn(text.slice(from, i)) + text.slice(i, close + n);
    from = i = close + n;
  }
  return result + fn(text.slice(from));
}

function findBacktickRun(text: string, start: number, n: number): number {
  let i = start;
  while (i < text.length) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let m = 0;
    while (text[i + m] === '`') m++;
    if (m === n) return i;
    i += m;
  }
  return -1;
}
