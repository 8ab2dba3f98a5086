import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endGroup, eventContext, info, input, reportDir, runAction, setOutput, startGroup, workspace } from '@mlci/action-kit';
import { uploadDirectory } from '@mlci/action-kit/artifacts';
import { actionsCache } from '@mlci/action-kit/cache';
import { parseCostBaseline, parseCostPerMinute, parseMinutes, runTraining, trainSectionId } from '@mlci/core/train';

export async function run(): Promise<void> {
  await runAction(
    { action: 'train', section: () => ({ id: trainSectionId(input.string('working-directory')), stage: 'training', title: 'Training' }) },
    async () => {
      const command = input.string('run');
      const cacheInputs = input.list('cache-inputs');
      const artifactName = input.string('artifact-name');
      const retentionDays = input.integer('retention-days', 0, 0) || undefined;
      const ctx = eventContext();
      const costPerMinute = parseCostPerMinute(input.string('cost-per-minute'));
      const costBaseline = parseCostBaseline(input.string('cost-baseline'));
      const cache = actionsCache(process.env, 'training run');
      // `::endgroup::` must start a line of its own, also after output that ends without a newline.
      let atLineStart = true;
      const output = (chunk: Buffer) => {
        process.stdout.write(chunk);
        if (chunk.length > 0) atLineStart = chunk[chunk.length - 1] === 0x0a;
      };
      const closeGroup = () => {
        if (!atLineStart) process.stdout.write('\n');
        atLineStart = true;
        endGroup();
      };

      const result = await runTraining({
        workspace: workspace(),
        run: command,
        shell: input.string('shell') || 'bash',
        workingDirectory: input.string('working-directory'),
        cacheInputs,
        cache: input.bool('cache', cacheInputs.length > 0),
        cacheKeyExtra: input.string('cache-key-extra'),
        outputs: input.list('outputs'),
        metrics: input.list('metrics'),
        params: input.list('params'),
        timeoutMinutes: parseMinutes(input.string('timeout-minutes')),
        reportDir: reportDir(),
        logDir: join(process.env.RUNNER_TEMP ?? tmpdir(), 'mlci-train-logs'),
        tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
        env: process.env,
        origin: {
          id: process.env.GITHUB_RUN_ID ?? 'unknown',
          attempt: Number(process.env.GITHUB_RUN_ATTEMPT) || undefined,
          repository: process.env.GITHUB_REPOSITORY,
          sha: ctx.sha || undefined,
          url: ctx.runUrl,
        },
        log: { group: startGroup, endGroup: closeGroup, info, output },
        runCache: cache,
        costPerMinute,
        costBaseline: { spec: costBaseline, event: ctx, cache },
        artifact: artifactName ? { name: artifactName, retentionDays, upload: uploadDirectory } : undefined,
      });

      setOutput('cache-hit', result.cacheHit);
      setOutput('exit-code', result.exitCode);
      setOutput('duration-seconds', result.durationSeconds.toFixed(3));
      setOutput('cpu-seconds', result.measured ? result.cpuSeconds.toFixed(2) : '');
      setOutput('peak-memory-mb', result.measured && result.peakRssBytes > 0 ? (result.peakRssBytes / 1e6).toFixed(1) : '');
      setOutput('log-path', result.logPath);
      setOutput('artifact-id', result.artifactId ?? '');
      setOutput('cache-key', result.cacheKey ?? '');
      info(`Training: ${result.summary}`);
      // runAction turns the failure into the step's error and puts it on top of the section written.
      if (result.failure) throw result.failure;
      return result.sectionPath;
    },
  );
}
