import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources of the workspace packages (the `mlci-source` export
// condition), the adapters' in-process tests on actions/*/src as well; end-to-end tests run the
// committed dist bundles as the runner does.
export default defineConfig({
  resolve: { conditions: ['mlci-source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['mlci-source', 'module', 'node', 'import', 'default'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'actions/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // GitHub's workflow parser imports its JSON schemas without import attributes: let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
