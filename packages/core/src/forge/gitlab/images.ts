import { createHash } from 'node:crypto';
import { open, realpath } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { outsideReason } from '../../files/contained.js';
import { imageKind, UNTRUSTED_IMAGE_LIMITS, type ImageKind } from '../../files/image-kind.js';
import { escapeText } from '../../section/escape.js';

export interface GitLabImage {
  /** The file on disk. */
  path: string;
  /** The image's reference as the body writes it (`![roc](plots/roc.png)` → `plots/roc.png`). */
  name: string;
}

export interface VettedImage extends GitLabImage {
  bytes: Buffer;
  kind: ImageKind;
  /** The name GitLab stores it under: the reference's base name and a hash of its bytes, with the extension they call for. */
  filename: string;
}

export interface DroppedImage {
  name: string;
  reason: string;
}

const MIME: Record<ImageKind, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const EXTENSION: Record<ImageKind, string> = { png: '.png', jpeg: '.jpg', gif: '.gif', webp: '.webp' };

export const mimeOf = (kind: ImageKind): string => MIME[kind];

/**
 * The images a token may upload, checked as report/images.ts checks an untrusted bundle's: inside
 * the workspace (or mlci's own temp folders) once symlinks are followed, a PNG, JPEG, GIF or WebP by
 * its bytes (an SVG carries scripts), at most `bytesEach`, and together at most `count` files and
 * `bytesTotal` bytes, in the order given. The rest are dropped with a reason for the report.
 * Each file is read through the handle that was checked, so a swapped symlink is not followed.
 */
export async function vetImages(images: GitLabImage[], limits = UNTRUSTED_IMAGE_LIMITS): Promise<{ kept: VettedImage[]; dropped: DroppedImage[] }> {
  const kept: VettedImage[] = [];
  const dropped: DroppedImage[] = [];
  let total = 0;
  for (const img of images) {
    const verdict = await vetOne(img, limits.bytesEach);
    if ('reason' in verdict) {
      dropped.push({ name: img.name, reason: verdict.reason });
      continue;
    }
    if (kept.length >= limits.count) {
      dropped.push({ name: img.name, reason: `more than ${limits.count} images` });
      continue;
    }
    if (total + verdict.bytes.length > limits.bytesTotal) {
      dropped.push({ name: img.name, reason: `more than ${mib(limits.bytesTotal)} of images in all` });
      continue;
    }
    total += verdict.bytes.length;
    kept.push(verdict);
  }
  return { kept, dropped };
}

async function vetOne(img: GitLabImage, bytesEach: number): Promise<VettedImage | { reason: string }> {
  let real: string;
  try {
    real = await realpath(img.path);
  } catch {
    return { reason: 'not found' };
  }
  if (outsideReason(real)) return { reason: 'outside the workspace' };
  const file = await open(real, 'r');
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return { reason: 'not a file' };
    if (stat.size > bytesEach) return { reason: `larger than ${mib(bytesEach)}` };
    const bytes = await file.readFile();
    if (bytes.length > bytesEach) return { reason: `larger than ${mib(bytesEach)}` };
    const kind = imageKind(bytes.subarray(0, 16));
    if (!kind) return { reason: 'not a PNG, JPEG, GIF or WebP image' };
    const stem =
      basename(img.name, extname(img.name))
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[.-]+/, '') || 'image';
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    return { ...img, bytes, kind, filename: `${stem.slice(0, 80)}-${hash}${EXTENSION[kind]}` };
  } finally {
    await file.close();
  }
}

function mib(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/**
 * The link destination in the markdown GitLab answered an upload with (`![roc](/uploads/<secret>/roc.png)`):
 * a project-relative path that GitLab resolves in the project's notes and shows to whoever can see
 * the project. Undefined when the answer is not that shape.
 */
export function uploadDestination(markdown: unknown): string | undefined {
  if (typeof markdown !== 'string') return undefined;
  const m = /^!\[[^\]\n]*\]\(([^\s()<>]+)\)$/.exec(markdown.trim());
  return m?.[1];
}

const regexpEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Points the body's images named `name` at `url`: `![alt](name)`, `![alt](<name> "title")` and
 * `<img src="name">`. The reference must be written exactly as given. Returns the body and
 * whether any image was rewritten. The scan is by regular expression, as report/images.ts does,
 * so the rest of the markdown stays byte for byte as written.
 */
export function linkImage(body: string, name: string, replacement: { url: string } | { text: string }): { body: string; linked: boolean } {
  const n = regexpEscape(name);
  const md = new RegExp(`!\\[((?:\\\\.|[^\\\\\\]])*)\\]\\(\\s*(?:<${n}>|${n})(\\s+(?:"[^"]*"|'[^']*'))?\\s*\\)`, 'g');
  const html = new RegExp(`<img\\b[^>]*?\\ssrc\\s*=\\s*(?:"${n}"|'${n}'|${n}(?=[\\s/>]))[^>]*>`, 'gi');
  let linked = false;
  const out = body
    .replace(md, (_m, alt: string, title: string | undefined) => {
      linked = true;
      return 'url' in replacement ? `![${alt}](${replacement.url}${title ?? ''})` : replacement.text;
    })
    .replace(html, (tag) => {
      linked = true;
      if (!('url' in replacement)) return replacement.text;
      return tag.replace(
        /(\ssrc\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/i,
        (_m, lead: string) => `${lead}"${replacement.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
      );
    });
  return { body: out, linked };
}

/** The italic line a dropped image leaves in the report, as report/images.ts writes it. */
export function droppedText(d: DroppedImage): string {
  return `_image not published: ${escapeText(d.name)} (${escapeText(d.reason)})_`;
}
