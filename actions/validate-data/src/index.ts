import { isDataWorker, serveDataWorker, useDataWorkers } from '@mlci/core/data';

// The bundle is also the script of the worker threads that validate a large CSV file in ranges
// (core's data/ranges.ts): started as one, it serves ranges and never runs the action.
if (isDataWorker()) serveDataWorker();
else {
  // MLCI_DATA_RANGE_BYTES: tests force tiny ranges through the bundle to compare with one thread.
  useDataWorkers(process.argv[1], Number(process.env.MLCI_DATA_RANGE_BYTES) || undefined);
  const { run } = await import('./main.js');
  await run();
}
