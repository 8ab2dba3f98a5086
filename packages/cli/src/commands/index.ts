import type { CommandSpec } from '../command.js';

/**
 * Every `mlci <name>` command, in the order `mlci help` lists them: its flags and what it does,
 * and where its body lives. Only the command that runs is loaded (`mlci help` loads none), so
 * adding a command is one entry here and its module exporting `run` (and `section`, if it writes one).
 */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    usage: `validate --data FILE... [--schema FILE] [--infer-schema FILE] [--reference git:REF|FILE]...
           [--fail-on error|warning|never] [--max-examples N] [--sample N] [--report-dir DIR]
    Check data files (CSV, TSV, JSON Lines, JSON, Parquet, gzip) against a schema and for drift
    against a reference (git:main, git:base, or files); problems print as file:line:col. Writes the
    report section and result JSON into the report directory. Exits 1 when checks fail (--fail-on).`,
    options: {
      data: { type: 'string', multiple: true },
      schema: { type: 'string' },
      'infer-schema': { type: 'string' },
      reference: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      'max-examples': { type: 'string' },
      sample: { type: 'string' },
      'report-dir': { type: 'string' },
    },
    load: () => import('./validate.js'),
  },
  {
    name: 'train',
    usage: `train --run COMMAND [--cache-inputs FILE|GLOB]... [--outputs PATH]... [--metrics FILE]...
             [--params FILE]... [--working-directory DIR] [--shell bash|sh|python|TEMPLATE]
             [--cache true|false] [--cache-key-extra TEXT] [--cache-dir DIR]
             [--timeout-minutes N] [--report-dir DIR]
      Run the training command with its output live, measure its time, CPU and peak memory, and keep
      what it made in a local run-cache (default $XDG_CACHE_HOME/mlci/train or ~/.cache/mlci/train):
      with the same inputs and command again, the command is skipped and its outputs, metrics and log
      are restored. Writes the training section into the report directory. Exits 1 when it fails.`,
    options: {
      run: { type: 'string' },
      'working-directory': { type: 'string' },
      shell: { type: 'string' },
      'cache-inputs': { type: 'string', multiple: true },
      cache: { type: 'string' },
      'cache-key-extra': { type: 'string' },
      'cache-dir': { type: 'string' },
      outputs: { type: 'string', multiple: true },
      metrics: { type: 'string', multiple: true },
      params: { type: 'string', multiple: true },
      'timeout-minutes': { type: 'string' },
      'report-dir': { type: 'string' },
    },
    load: () => import('./train.js'),
  },
  {
    name: 'compare',
    usage: `compare --metrics FILE... [--params FILE]... [--baseline git:REF|file:PATH|none] [--gates FILE]
        [--plots FILE] [--precision N] [--show-unchanged] [--fail-on-regression false] [--report-dir DIR]
    Compare metrics and params with a baseline (default git:HEAD, the last commit) and check the
    gates, as the compare-metrics action does; files and globs relative to the current directory.
    Prints the tables, writes the diff JSON, the charts and the report section. Exits 1 when a gate fails.`,
    options: {
      metrics: { type: 'string', multiple: true },
      params: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      gates: { type: 'string' },
      plots: { type: 'string' },
      precision: { type: 'string' },
      'show-unchanged': { type: 'boolean' },
      'fail-on-regression': { type: 'string' },
      'report-dir': { type: 'string' },
    },
    load: () => import('./compare.js'),
  },
  {
    name: 'publish',
    usage: `publish --name NAME --path PATH [--version auto|vX.Y.Z] [--bump patch|minor|major] [--stage STAGE]
        [--destination release|artifact|oci:HOST/REPO]... [--verify CMD] [--verify-runs N]
        [--metrics FILE]... [--params FILE]... [--model-card FILE] [--report-dir DIR] [--dry-run]
    Version the model in the GTO git-tag registry of the local clone (tags pushed to origin), run
    --verify against the packaged model, and publish it with its card and manifest, as the
    publish-model action does. A release needs GITHUB_TOKEN and GITHUB_REPOSITORY; an OCI registry
    takes MLCI_REGISTRY_USERNAME and MLCI_REGISTRY_PASSWORD. Exits 1 when anything failed.`,
    options: {
      name: { type: 'string' },
      path: { type: 'string' },
      version: { type: 'string' },
      bump: { type: 'string' },
      stage: { type: 'string' },
      destination: { type: 'string', multiple: true },
      verify: { type: 'string' },
      'verify-runs': { type: 'string' },
      metrics: { type: 'string', multiple: true },
      params: { type: 'string', multiple: true },
      'model-card': { type: 'string' },
      'report-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    load: () => import('./publish.js'),
  },
  {
    name: 'report',
    usage: `report [--report-dir DIR] [--markdown FILE]... [--tests FILE]... [--title TEXT] [--id ID] [--out DIR]
    Build the report from a report directory (the sections mlci steps wrote) and markdown files;
    writes DIR/report.md (the comment body, fitted to GitHub's limits) and DIR/report.html (the
    same, shown as GitHub would). Default --out: mlci-report. Shows this run's sections only: a run
    is named by MLCI_RUN_ID (or the CI's run id); without one, it is the steps since the last
    \`mlci report\`. Sections an earlier run left in the directory are named and left out.
    --tests: JUnit XML or TAP result files (or globs) shown as a Tests section; a failing test fails it.`,
    options: {
      'report-dir': { type: 'string' },
      markdown: { type: 'string', multiple: true },
      tests: { type: 'string', multiple: true },
      title: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
    },
    load: () => import('./report.js'),
  },
];
