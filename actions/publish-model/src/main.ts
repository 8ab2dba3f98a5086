import { createApi, eventContext, fail, input, log, reportDir, runAction, runnerTemp, setOutputs, workspace } from '@mlci/action-kit';
import { uploadDirectory } from '@mlci/action-kit/artifacts';
import { parseBump } from '@mlci/core/model';
import { publishModel, publishSectionId } from '@mlci/core/publish-model';

export async function run(): Promise<void> {
  await runAction(
    {
      action: 'publish-model',
      section: () => ({ id: publishSectionId(input.string('name') || 'model'), stage: 'model', title: `Model ${input.string('name')}` }),
    },
    async () => {
      const name = input.string('name', { required: true });
      const path = input.string('path');
      const version = input.string('version') || 'auto';
      const bump = parseBump(input.string('bump'));
      const stage = input.string('stage');
      const destinations = input.list('destinations');
      const verify = input.string('verify');
      const verifyRuns = input.integer('verify-runs', 1, 1);
      const metrics = input.list('metrics');
      const params = input.list('params');
      const modelCard = input.string('model-card');
      const registryUsername = input.string('registry-username');
      const registryPassword = input.secret('registry-password');
      const token = input.secret('github-token');
      const dryRun = input.bool('dry-run', false);

      const ctx = eventContext();
      const result = await publishModel({
        workspace: workspace(),
        reportDir: reportDir(),
        tempDir: runnerTemp(),
        name,
        path,
        version,
        bump,
        stage,
        destinations,
        verify,
        verifyRuns,
        metrics,
        params,
        modelCard,
        registryCredentials: { username: registryUsername || process.env.GITHUB_ACTOR, password: registryPassword || undefined },
        dryRun,
        services: {
          api: token ? createApi(token) : undefined,
          repo: ctx.repo.owner ? ctx.repo : undefined,
          commit: ctx.sha || undefined,
          runUrl: ctx.runUrl,
          uploadArtifact: (artifact, dir) => uploadDirectory(artifact, dir),
        },
      });

      setOutputs({
        version: result.version,
        tag: result.tag,
        'stage-tag': result.stageTag ?? '',
        'release-url': result.releaseUrl ?? '',
        'oci-digest': result.ociDigest ?? '',
        'oci-ref': result.ociRef ?? '',
        'manifest-path': result.manifestPath,
        'card-path': result.cardPath,
      });
      log(result.summary);
      if (result.failure) fail({ severity: 'error', message: `publish-model: ${result.failure}`, title: 'publish-model' });
      return result.sectionPath;
    },
  );
}
