import { stringify } from 'yaml';
import { splitFrontMatter } from './front-matter.js';
import type { Lineage } from './lineage.js';
import type { PackagedFile } from './package.js';

/** What the card says about the publication. */
export interface CardFacts {
  name: string;
  version: string;
  /** The registration tag, e.g. `churn@v1.0.2`. */
  tag: string;
  stage?: string;
  createdAt: string;
  files: PackagedFile[];
  lineage: Lineage;
  verify?: { command: string; runs: number; p50Ms: number; p95Ms: number };
  /** How to fetch it, one line each (`gh release download ...`, `oras pull ...`). */
  howToLoad: string[];
  /** The user's template (the `model-card` input), markdown with optional front matter. */
  template?: string;
}

const fence = (s: string) => '`' + s.replaceAll('`', "'") + '`';
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function numericMetrics(lineage: Lineage): Array<{ type: string; name: string; value: number }> {
  const out: Array<{ type: string; name: string; value: number }> = [];
  for (const [file, record] of Object.entries(lineage.metrics)) {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'number' && Number.isFinite(value))
        out.push({ type: key, name: Object.keys(lineage.metrics).length > 1 ? `${file}: ${key}` : key, value });
    }
  }
  return out;
}

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function sections(f: CardFacts): Record<string, string> {
  const l = f.lineage;
  const details = [
    `- **Name:** ${fence(f.name)}`,
    `- **Version:** ${fence(f.version)} (git tag ${fence(f.tag)}${f.stage ? `, stage ${fence(f.stage)}` : ''})`,
    l.commit ? `- **Commit:** ${fence(l.commit)}` : '',
    l.runUrl ? `- **Built by:** ${l.runUrl}` : '',
    `- **Created:** ${f.createdAt}`,
    '',
    table(
      ['File', 'Size (bytes)', 'SHA-256'],
      f.files.map((x) => [fence(x.path), String(x.size), fence(x.sha256)]),
    ),
  ]
    .filter((x, i, all) => x !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
  const data =
    l.data.length > 0
      ? table(
          ['Data file', 'Rows', 'SHA-256', 'Validated'],
          l.data.map((d) => [
            fence(d.file),
            d.rows === undefined ? '' : String(d.rows),
            d.sha256 ? fence(d.sha256) : 'not read',
            d.passed === undefined ? '' : d.passed ? 'passed' : 'failed',
          ]),
        )
      : 'No data validation ran in this job (validate-data left no result), so the training data is not described here.';
  const metrics = numericMetrics(l);
  const diffRows = (l.diff?.metrics ?? []).filter((m) => m.status !== 'unchanged');
  const evaluation = [
    metrics.length > 0
      ? table(
          ['Metric', 'Value'],
          metrics.map((m) => [fence(m.name), String(m.value)]),
        )
      : 'No metrics were given (the `metrics` input) or compared in this job.',
    diffRows.length > 0
      ? `\nAgainst the baseline (gates: ${l.diff?.verdict ?? 'none'}):\n\n${table(
          ['Metric', 'Base', 'Head', 'Change', 'Status'],
          diffRows.map((m) => [fence(String(m.key)), String(m.base ?? ''), String(m.head ?? ''), String(m.delta ?? ''), String(m.status)]),
        )}`
      : '',
    f.verify
      ? `\nVerified with ${fence(f.verify.command)} against the package, ${f.verify.runs} run${f.verify.runs === 1 ? '' : 's'}: latency p50 ${f.verify.p50Ms.toFixed(0)} ms, p95 ${f.verify.p95Ms.toFixed(0)} ms.`
      : '\nNo `verify` command was run against the package.',
  ]
    .filter(Boolean)
    .join('\n');
  const limitations = 'Not stated by the publisher. Metrics describe the evaluation data above only; check them on your own data before use.';
  const howToLoad = ['```sh', ...f.howToLoad, '```'].join('\n');
  return { details, training_data: data, evaluation, limitations, how_to_load: howToLoad };
}

const TITLES: Record<string, string> = {
  details: 'Model details',
  training_data: 'Training data',
  evaluation: 'Evaluation',
  limitations: 'Limitations',
  how_to_load: 'How to load',
};

/**
 * A Hugging Face-style model card: YAML front matter with `model-index` (the metrics as results),
 * then the sections. A template may set its own front matter (merged over ours, `model-index`
 * kept) and place the sections with `{{ details }}`, `{{ training_data }}`, `{{ evaluation }}`,
 * `{{ limitations }}`, `{{ how_to_load }}`, `{{ name }}`, `{{ version }}`, `{{ commit }}`;
 * sections it neither places nor writes under their own heading follow its text.
 */
export function modelCard(f: CardFacts): string {
  const parts = sections(f);
  const metrics = numericMetrics(f.lineage);
  const front: Record<string, unknown> = {
    tags: ['mlci', ...(f.stage ? [f.stage] : [])],
    'model-index': [
      {
        name: f.name,
        results:
          metrics.length > 0
            ? [
                {
                  task: { type: 'other', name: f.name },
                  ...(f.lineage.data[0] ? { dataset: { type: 'custom', name: f.lineage.data.map((d) => d.file).join(', ') } } : {}),
                  metrics: metrics.map((m) => ({ type: m.type, name: m.name, value: m.value })),
                },
              ]
            : [],
      },
    ],
    mlci: { version: f.version, tag: f.tag, commit: f.lineage.commit ?? null, files: Object.fromEntries(f.files.map((x) => [x.path, `sha256:${x.sha256}`])) },
  };
  let body: string;
  if (f.template !== undefined) {
    const { data, body: text } = splitFrontMatter(f.template);
    Object.assign(front, { ...data, 'model-index': front['model-index'], mlci: front.mlci });
    const values: Record<string, string> = { ...parts, name: f.name, version: f.version, commit: f.lineage.commit ?? '' };
    const placed = new Set<string>();
    body = text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (all, key: string) => {
      if (!(key in values)) return all;
      placed.add(key);
      return values[key];
    });
    // A section the template writes itself (its heading) is the template's; the rest follow it.
    const rest = Object.keys(TITLES).filter((k) => !placed.has(k) && !new RegExp(`^#+\\s*${TITLES[k]}\\s*$`, 'mi').test(body));
    if (rest.length > 0) body = `${body.trimEnd()}\n\n${rest.map((k) => `## ${TITLES[k]}\n\n${parts[k]}`).join('\n\n')}\n`;
  } else {
    body = `# ${f.name} ${f.version}\n\n${Object.keys(TITLES)
      .map((k) => `## ${TITLES[k]}\n\n${parts[k]}`)
      .join('\n\n')}\n`;
  }
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body}`;
}
