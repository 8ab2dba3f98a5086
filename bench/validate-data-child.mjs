// One validation, as a process of its own so that its wall time and peak RSS are its alone.
// argv: <compiled core dir> <data file> <schema file> [sample]
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [coreDir, data, schemaFile, sample] = process.argv.slice(2);
const start = performance.now();
const { validateData } = await import(pathToFileURL(join(coreDir, 'data/validate.js')).href);
const { loadSchema } = await import(pathToFileURL(join(coreDir, 'data/schema.js')).href);
const schema = await loadSchema(schemaFile);
const result = await validateData(data, { schema, sample: sample ? Number(sample) : undefined });
const failed = Object.fromEntries(result.checks.filter((c) => !c.passed).map((c) => [`${c.column}.${c.check}`, c.failed_rows]));
console.log(
  JSON.stringify({
    rows: result.rows,
    failed,
    seconds_inside: Number(((performance.now() - start) / 1000).toFixed(3)),
    max_rss_kib: process.resourceUsage().maxRSS,
  }),
);
