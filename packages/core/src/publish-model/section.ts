import { codeSpan, escapeCell, escapeText, table, type Status } from '../section/index.js';
import type { Lineage } from '../model/lineage.js';
import type { PackagedFile } from '../model/package.js';
import type { RegistryPlan } from '../model/plan.js';
import type { ArtifactState } from '../model/registry.js';
import type { VerifyResult } from './verify.js';

export interface DestinationOutcome {
  destination: string;
  status: 'published' | 'failed' | 'dry-run' | 'skipped';
  url?: string;
  digest?: string;
  detail?: string;
  message?: string;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const when = (t: number) => (t > 0 ? new Date(t).toISOString().replace('.000Z', 'Z') : '');

/** The report section: what was registered and published where, and the stage history. */
export function publishSection(o: {
  name: string;
  version: string;
  plan: RegistryPlan;
  stage?: string;
  files: PackagedFile[];
  verified?: VerifyResult;
  lineage: Lineage;
  state: ArtifactState;
  dryRun: boolean;
  outcomes: DestinationOutcome[];
  tagsMade: string[];
  /** Absent on a rollback, which packages nothing. */
  manifest?: PackagedFile;
  card?: PackagedFile;
}): { status: Status; summary: string; markdown: string; data: unknown } {
  const failed = o.outcomes.filter((x) => x.status === 'failed');
  const status: Status = failed.length > 0 ? 'fail' : o.dryRun ? 'info' : 'pass';
  const what = `${o.name} ${o.version}${o.stage ? ` → ${o.stage}` : ''}`;
  const rollback = o.files.length === 0;
  const summary = rollback
    ? `publish-model${o.dryRun ? ' (dry run)' : ''}: ${o.stage} ${o.tagsMade.length > 0 ? (o.dryRun ? 'would move' : 'moved') : 'is'} back to ${o.name} ${o.version} (a rollback; nothing re-published)`
    : o.dryRun
      ? `publish-model (dry run): ${what} would be tagged and published; nothing was`
      : failed.length > 0
        ? `publish-model: ${what}: ${failed.map((f) => f.destination).join(', ')} failed; ${o.outcomes.filter((x) => x.status === 'published').length} of ${o.outcomes.length} destinations published`
        : `publish-model: ${what}${o.plan.existed && o.tagsMade.length === 0 ? ' (already registered; nothing new tagged)' : ''}, published to ${['git tags', ...o.outcomes.map((x) => x.destination)].join(', ')}`;

  const parts: string[] = [];
  if (o.dryRun) parts.push('**Dry run:** the package was built and verified; no tag was made or pushed and nothing was published.');
  const tagLine =
    o.tagsMade.length > 0
      ? `${o.dryRun ? 'would tag' : 'tagged'} ${o.tagsMade.map(codeSpan).join(', ')}`
      : `no new tag (${codeSpan(o.plan.versionTag)}${o.plan.stageTag ? `, ${codeSpan(o.plan.stageTag)}` : ''} exist)`;
  parts.push(`**${escapeText(o.name)}** ${codeSpan(o.version)} at commit ${codeSpan(o.plan.commit.slice(0, 12))}: ${tagLine}.`);

  const rows = [
    [
      'git tags',
      o.dryRun ? 'dry run' : 'published',
      [o.plan.versionTag, o.plan.stageTag]
        .filter(Boolean)
        .map((t) => codeSpan(t!))
        .join(' '),
    ],
    ...o.outcomes.map((x) => [
      escapeCell(x.destination),
      x.status === 'failed' ? '❌ not published' : x.status === 'dry-run' ? 'dry run' : x.status === 'skipped' ? 'skipped' : '✅ published',
      [
        x.url ? escapeCell(x.url) : '',
        x.digest ? `digest ${codeSpan(x.digest)}` : '',
        x.detail ? escapeCell(x.detail) : '',
        x.message ? escapeCell(x.message) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]),
  ];
  parts.push(table(['Destination', 'Status', 'Where'], rows));
  if (failed.length > 0)
    parts.push(`Not published: ${failed.map((f) => codeSpan(f.destination)).join(', ')}. Re-running this step publishes what is missing and nothing twice.`);

  if (rollback) {
    parts.push(
      `A rollback: ${codeSpan(o.stage ?? '')} moves to ${codeSpan(o.version)}, built from commit ${codeSpan(o.plan.commit.slice(0, 12))}; its package was published when it was registered, so nothing was packaged or published again.`,
    );
  } else if (o.verified) {
    parts.push(
      `Verified with ${codeSpan(o.verified.command)} on the package alone: ${o.verified.runs} run${o.verified.runs === 1 ? '' : 's'}, latency p50 ${ms(o.verified.p50Ms)}, p95 ${ms(o.verified.p95Ms)}.`,
    );
  } else parts.push('No `verify` command ran: the package was not tested before publishing.');

  const total = o.files.reduce((n, f) => n + f.size, 0);
  const listed = [...o.files, ...(o.manifest ? [o.manifest] : []), ...(o.card ? [o.card] : [])];
  if (!rollback)
    parts.push(
      `<details><summary>${o.files.length} file${o.files.length === 1 ? '' : 's'}, ${total} bytes</summary>\n\n${table(
        ['File', 'Bytes', 'SHA-256'],
        listed.map((f) => [codeSpan(f.path), String(f.size), codeSpan(f.sha256)]),
        ['l', 'r', 'l'],
      )}\n\n</details>`,
    );

  const stages = o.state.history.filter((e) => e.action === 'assign' || e.action === 'unassign');
  const current = Object.values(o.state.stages);
  if (stages.length > 0 || o.stage) {
    const historyRows = stages.map((e) => [
      codeSpan(e.stage ?? ''),
      e.action === 'assign' ? 'assigned' : 'unassigned',
      codeSpan(e.ofVersion ?? ''),
      codeSpan(e.tag),
      when(e.time),
    ]);
    if (o.plan.stageTag && o.tagsMade.includes(o.plan.stageTag))
      historyRows.push([codeSpan(o.stage!), o.dryRun ? 'would assign' : 'assigned', codeSpan(o.version), codeSpan(o.plan.stageTag), 'now']);
    parts.push(
      `**Stages** (current: ${current.map((c) => `${c.stage} ${c.version}`).join(', ') || 'none'}${o.stage ? `; now ${o.stage} ${o.version}` : ''})\n\n${table(['Stage', 'Event', 'Version', 'Tag', 'When'], historyRows)}`,
    );
  }

  return {
    status,
    summary,
    markdown: parts.join('\n\n') + '\n',
    data: {
      name: o.name,
      version: o.version,
      commit: o.plan.commit,
      tag: o.plan.versionTag,
      stageTag: o.plan.stageTag ?? null,
      tagsMade: o.tagsMade,
      dryRun: o.dryRun,
      destinations: o.outcomes,
      files: o.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
      verify: o.verified ? { runs: o.verified.runs, p50_ms: o.verified.p50Ms, p95_ms: o.verified.p95Ms } : null,
    },
  };
}
