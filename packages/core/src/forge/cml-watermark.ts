/**
 * The watermark CML (iterative/cml) appends to every comment it posts, so that `--update` finds
 * its comment again; read from its source for every version that wrote one:
 *
 *   v0.3.0 to v0.18.7    `![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`
 *   v0.18.8 to v0.18.14  `![](https://cml.dev/watermark.png "CML watermark <label>")`
 *   v0.18.15 on          `![](https://cml.dev/watermark.png#<commit sha> "CML watermark <label>")`
 *
 * The label is `--watermark-title` (with `{workflow}` and `{run}` filled in), empty by default; CML
 * escapes `_`, `*`, `[` and `<` in it with a backslash. CML itself finds its comment by the
 * watermark anywhere in the body; so do we. Comments from before v0.3.0 carry no watermark and are
 * not found.
 *
 * Hand-written: CML publishes no parser of its own watermark, and this one line of markdown is all
 * there is to match (a markdown parser would find the image but not tell CML's from a look-alike).
 */
const WATERMARKS = [
  /!\[CML watermark\]\(https:\/\/raw\.githubusercontent\.com\/iterative\/cml\/[A-Za-z0-9._-]+\/assets\/watermark\.svg\)/,
  /!\[\]\(https:\/\/cml\.dev\/watermark\.png(?:#[0-9a-fA-F]+)? "CML watermark(?: [^"\n]*)?"\)/,
];

/** True when `body` carries CML's watermark in one of the forms above. */
export function hasCmlWatermark(body: string): boolean {
  return WATERMARKS.some((w) => w.test(body));
}
