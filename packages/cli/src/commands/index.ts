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
      data: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: '(required)', help: 'data files to check, repeat or comma-separate' },
      schema: { type: 'string', arg: 'FILE', default: 'none: only drift is checked', help: 'the schema (YAML or JSON) the data must match' },
      'infer-schema': { type: 'string', arg: 'FILE', default: 'none', help: 'write a schema inferred from the data to FILE' },
      reference: { type: 'string', multiple: true, arg: 'git:REF|FILE', default: 'none: no drift check', help: 'the reference data to check drift against' },
      'fail-on': { type: 'string', arg: 'error|warning|never', default: 'error', help: 'the severity that fails the check (exit 1)' },
      'max-examples': { type: 'string', arg: 'N', default: '5', help: 'offending rows shown per problem' },
      sample: { type: 'string', arg: 'N', default: 'every row', help: 'check a seeded sample of N rows' },
      'report-dir': {
        type: 'string',
        arg: 'DIR',
        default: '$MLCI_REPORT_DIR, else $RUNNER_TEMP/mlci-report, else .mlci/report',
        help: 'the report directory the mlci steps share',
      },
    },
    load: () => import('./validate.js'),
  },
  {
    name: 'train',
    usage: `train --run COMMAND [--cache-inputs FILE|GLOB]... [--outputs PATH]... [--metrics FILE]...
             [--params FILE]... [--working-directory DIR] [--shell bash|sh|python|TEMPLATE]
             [--cache true|false] [--cache-key-extra TEXT] [--cache-dir DIR]
             [--timeout-minutes N] [--cost-per-minute PRICE] [--cost-baseline file:PATH|none] [--report-dir DIR]
      Run the training command with its output live, measure its time, CPU and peak memory, and keep
      what it made in a local run-cache (default $XDG_CACHE_HOME/mlci/train or ~/.cache/mlci/train):
      with the same inputs and command again, the command is skipped and its outputs, metrics and log
      are restored. Writes the training section into the report directory. Exits 1 when it fails.`,
    options: {
      run: { type: 'string', arg: 'COMMAND', default: '(required)', help: 'the training command' },
      'working-directory': { type: 'string', arg: 'DIR', default: '.', help: 'where the command runs' },
      shell: { type: 'string', arg: 'bash|sh|python|TEMPLATE', default: 'bash', help: 'the shell that runs the command' },
      'cache-inputs': { type: 'string', multiple: true, arg: 'FILE|GLOB', default: 'none: no run-cache', help: 'the files whose bytes key the run-cache' },
      cache: { type: 'string', arg: 'true|false', default: 'true when --cache-inputs is given', help: 'use the run-cache' },
      'cache-key-extra': { type: 'string', arg: 'TEXT', default: 'none', help: 'more text for the run-cache key' },
      'cache-dir': { type: 'string', arg: 'DIR', default: '$XDG_CACHE_HOME/mlci/train or ~/.cache/mlci/train', help: 'the local run-cache' },
      outputs: { type: 'string', multiple: true, arg: 'PATH', default: 'none', help: 'what the command makes, kept in the run-cache' },
      metrics: { type: 'string', multiple: true, arg: 'FILE', default: 'none', help: 'metrics files the command writes' },
      params: { type: 'string', multiple: true, arg: 'FILE', default: 'none', help: 'params files the command reads' },
      'timeout-minutes': { type: 'string', arg: 'N', default: 'none', help: 'stop the command (its whole process group) after N minutes' },
      'cost-per-minute': { type: 'string', arg: 'PRICE', default: 'none', help: "the runner's price per minute: the section shows what the run cost" },
      'cost-baseline': {
        type: 'string',
        arg: 'file:PATH|none',
        default: 'none',
        help: "a base run's train record (<id>.train.json) or its folder, for the cost of the change",
      },
      'report-dir': {
        type: 'string',
        arg: 'DIR',
        default: '$MLCI_REPORT_DIR, else $RUNNER_TEMP/mlci-report, else .mlci/report',
        help: 'the report directory the mlci steps share',
      },
    },
    load: () => import('./train.js'),
  },
  {
    name: 'compare',
    usage: `compare --metrics FILE... [--params FILE]... [--samples FILE|GLOB]... [--baseline git:REF|file:PATH|none]
        [--gates FILE] [--plots FILE] [--precision N] [--show-unchanged] [--fail-on-regression false]
        [--max-baseline-age AGE] [--report-dir DIR] [--slice-min-count N] [--confusion FILE] [--predictions FILE] [--id-column NAME]
    Compare metrics and params with a baseline (default git:HEAD, the last commit) and check the
    gates, as the compare-metrics action does; files and globs relative to the current directory.
    A dvc.yaml given to --metrics, --params or --plots stands for the metrics, params or plots it lists.
    Prints the tables, writes the diff JSON, the charts and the report section. Exits 1 when a gate fails.`,
    options: {
      metrics: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: 'those mlci train recorded', help: 'metrics files to compare, or a dvc.yaml' },
      params: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: 'those mlci train recorded', help: 'params files to compare, or a dvc.yaml' },
      samples: {
        type: 'string',
        multiple: true,
        arg: 'FILE|GLOB',
        default: 'none',
        help: 'repeated measurements (a file per seed or fold, or lists of values), compared as distributions',
      },
      baseline: { type: 'string', arg: 'git:REF|file:PATH|none', default: 'git:HEAD', help: 'what to compare with' },
      gates: { type: 'string', arg: 'FILE', default: 'none', help: 'the gates file' },
      plots: { type: 'string', arg: 'FILE', default: "mlci train's dvclive curves, else none", help: 'the plots file, or a dvc.yaml' },
      precision: { type: 'string', arg: 'N', default: '4', help: 'significant digits shown' },
      'show-unchanged': { type: 'boolean', default: 'false', help: 'list unchanged metrics too' },
      'fail-on-regression': { type: 'string', arg: 'true|false', default: 'true', help: 'a failed gate exits 1' },
      'max-baseline-age': { type: 'string', arg: 'AGE', default: 'no bound', help: 'a baseline commit older than this (14d, 36h, 2w) is reported stale' },
      'slice-min-count': { type: 'string', arg: 'N', default: '30', help: 'a slice with fewer rows shows "too few rows", its gates not evaluated' },
      confusion: { type: 'string', arg: 'FILE', default: 'none', help: 'confusion records (actual, predicted) for the change matrix' },
      predictions: { type: 'string', arg: 'FILE', default: 'none', help: 'predictions with an id column: change matrix and ids newly wrong/right' },
      'id-column': { type: 'string', arg: 'NAME', default: 'id', help: "the predictions' id column" },
      'report-dir': {
        type: 'string',
        arg: 'DIR',
        default: '$MLCI_REPORT_DIR, else $RUNNER_TEMP/mlci-report, else .mlci/report',
        help: 'the report directory the mlci steps share',
      },
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
      name: { type: 'string', arg: 'NAME', default: '(required)', help: "the model's name in the registry, as GTO accepts it" },
      path: { type: 'string', arg: 'PATH', default: '(required, except for a rollback)', help: 'the model file or folder to publish' },
      version: { type: 'string', arg: 'auto|vX.Y.Z', default: 'auto', help: 'the version: auto is the latest bumped by --bump' },
      bump: { type: 'string', arg: 'patch|minor|major', default: 'patch', help: 'the part auto raises' },
      stage: { type: 'string', arg: 'STAGE', default: 'none', help: 'a stage to assign the version to' },
      destination: {
        type: 'string',
        multiple: true,
        arg: 'release|artifact|oci:HOST/REPO',
        default: 'the git tags only',
        help: 'where to publish besides the git tags',
      },
      verify: { type: 'string', arg: 'CMD', default: 'none', help: 'a bash script run against the packaged model first' },
      'verify-runs': { type: 'string', arg: 'N', default: '1', help: 'how many times --verify runs (p50, p95 latency)' },
      metrics: {
        type: 'string',
        multiple: true,
        arg: 'FILE|GLOB',
        default: "the head side of mlci compare's diff",
        help: "metrics for the card's model-index and the manifest",
      },
      params: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: "those of mlci compare's diff", help: 'params for the manifest' },
      'model-card': { type: 'string', arg: 'FILE', default: 'the default card', help: 'a markdown template for the model card' },
      'report-dir': {
        type: 'string',
        arg: 'DIR',
        default: '$MLCI_REPORT_DIR, else $RUNNER_TEMP/mlci-report, else .mlci/report',
        help: 'the report directory the mlci steps share',
      },
      'dry-run': { type: 'boolean', default: 'false', help: 'build, verify and describe; tag and publish nothing' },
    },
    load: () => import('./publish.js'),
  },
  {
    name: 'report',
    usage: `report [--report-dir DIR] [--markdown FILE]... [--tests FILE]... [--title TEXT] [--id ID] [--out DIR]
       [--post [--repo OWNER/NAME] [--pr N] [--sha SHA] [--token-file FILE] [--api-url URL] [--check-run NAME]]
    Build the report from a report directory (the sections mlci steps wrote) and markdown files;
    writes DIR/report.md (the comment body, fitted to GitHub's 65,536 characters; with --post to
    GitLab, to its note limit) and DIR/report.html (the same, shown as GitHub would). Default --out: mlci-report. Shows this run's sections only: a run
    is named by MLCI_RUN_ID (or the CI's run id); without one, it is the steps since the last
    \`mlci report\`. Sections an earlier run left in the directory are named and left out.
    With --post, the report also becomes the pull request's sticky comment, as comment-report
    makes it, from any CI (GitHub Actions, Jenkins, GitLab CI, Buildkite, CircleCI are detected).
    --tests: JUnit XML or TAP result files (or globs) shown as a Tests section; a failing test fails it.
    --tests-baseline: the base run's result files at a git ref or in a folder, to name what changed.`,
    options: {
      'report-dir': {
        type: 'string',
        arg: 'DIR',
        default: '$MLCI_REPORT_DIR, else $RUNNER_TEMP/mlci-report, else .mlci/report',
        help: 'the report directory the mlci steps share',
      },
      markdown: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: 'none', help: 'markdown files to include' },
      tests: { type: 'string', multiple: true, arg: 'FILE|GLOB', default: 'none', help: 'JUnit XML or TAP results, shown as a Tests section' },
      'tests-fail-on': { type: 'string', arg: 'failure|never', default: 'failure', help: 'failing tests fail the report, or only warn' },
      'tests-baseline': {
        type: 'string',
        arg: 'git:REF|file:PATH|none',
        default: 'none',
        help: "the base run's result files: newly failing, newly passing and still failing tests",
      },
      title: { type: 'string', arg: 'TEXT', default: 'mlci report', help: 'heading of the report' },
      id: { type: 'string', arg: 'ID', default: 'mlci', help: "the report's identity: one comment per id" },
      out: { type: 'string', arg: 'DIR', default: 'mlci-report', help: 'where report.md and report.html go' },
      post: { type: 'boolean', default: 'false', help: 'post the report as the sticky comment (token: $GITHUB_TOKEN or --token-file)' },
      'token-file': { type: 'string', arg: 'FILE', default: '$GITHUB_TOKEN', help: 'a file holding the token (never the token itself on the command line)' },
      repo: { type: 'string', arg: 'OWNER/NAME', default: "detected from the CI's environment", help: 'the GitHub repository' },
      pr: { type: 'string', arg: 'N', default: "detected from the CI's environment", help: 'the pull request to comment on' },
      sha: {
        type: 'string',
        arg: 'SHA',
        default: "detected from the CI's environment",
        help: 'the commit: a commit comment without a pull request, and the check run',
      },
      'api-url': {
        type: 'string',
        arg: 'URL',
        default: '$GITHUB_API_URL, else https://api.github.com',
        help: "GitHub's API (GitHub Enterprise: https://HOST/api/v3)",
      },
      target: { type: 'string', arg: 'auto|pr/N|issue/N|commit/SHA|none', default: 'auto', help: 'where to post; auto is --pr, else --sha, else detected' },
      mode: { type: 'string', arg: 'upsert|recreate|create', default: 'upsert', help: "upsert updates this report's comment in place" },
      'hide-previous': { type: 'string', arg: 'true|false', default: 'false', help: "with --mode create, minimise this report's earlier comments" },
      'replace-cml': {
        type: 'string',
        arg: 'true|false',
        default: 'false',
        help: 'with no comment of this report yet, turn the comment an old CML workflow left into it',
      },
      'check-run': { type: 'string', arg: 'NAME', default: 'none', help: "a check run of this name on the commit with the report's verdict" },
      'images-branch': { type: 'string', arg: 'BRANCH', default: 'mlci-assets', help: 'the branch that holds published report images' },
      'dry-run': { type: 'string', arg: 'true|false', default: 'false', help: 'with --post, build everything and post nothing' },
      'job-status': {
        type: 'string',
        arg: 'success|failure|cancelled',
        default: 'success',
        help: 'the job so far: one that did not succeed never gets a green report',
      },
    },
    load: () => import('./report.js'),
  },
];
