/**
 * What an untrusted bundle may publish: the write token commits (or uploads) these bytes. Here
 * rather than in report/ because forge/ applies the same caps (GitLab uploads) and the two folders
 * never import each other.
 */
export const UNTRUSTED_IMAGE_LIMITS = { count: 20, bytesEach: 5 * 1024 * 1024, bytesTotal: 25 * 1024 * 1024 };

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

/**
 * The image format by its first bytes (the file's own word, not its name). Only formats that are
 * pictures and nothing else: SVG and HTML carry scripts and links, so they are never taken from
 * a bundle we do not trust.
 */
export function imageKind(head: Uint8Array): ImageKind | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1'))) return 'gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return undefined;
}
