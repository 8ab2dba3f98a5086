// Preloaded (`node -r`) into each process bench/bundles.mjs measures: at exit it writes the
// process's own resource usage (getrusage RUSAGE_SELF: every thread, from exec to exit) to fd 3.
// A CommonJS preload, so it does not start Node's ESM loader in `node -e 0` where none would run.
'use strict';
process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  require('node:fs').writeSync(3, JSON.stringify({ userCPUTime, systemCPUTime, maxRSS }));
});
