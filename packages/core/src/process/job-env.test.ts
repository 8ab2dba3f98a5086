import { describe, expect, it } from 'vitest';
import { jobEnvironment } from './job-env.js';

describe('jobEnvironment', () => {
  it('keeps the job environment and drops what only the action gets', () => {
    const env = jobEnvironment({
      PATH: '/bin',
      HOME: '/h',
      INPUT_RUN: 'x',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'u',
      GITHUB_SHA: 's',
      MY_VAR: '1',
    });
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', GITHUB_SHA: 's', MY_VAR: '1' });
  });
});
