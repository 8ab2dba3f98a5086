import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a train step made, written beside its section (`<id>.train.json` in the report directory),
 * so that compare-metrics and publish-model after it find the metrics, params and outputs with no
 * configuration of their own. Paths are relative to the workspace.
 */
export interface TrainRecord {
  schema: 'mlci/train@1';
  workingDirectory: string;
  metrics: string[];
  params: string[];
  /** The `outputs` input as given (files or folders). */
  outputs: string[];
  /** Every file kept: outputs, metrics, params, dvclive's folder. */
  files: string[];
  dvclive?: { dir: string; steps: string[] };
  cacheKey?: string;
  cacheHit: boolean;
  artifact?: { name: string; id?: number };
  logPath: string;
  /**
   * What the training took (on a run-cache hit, the cached run's training): what a later run's
   * `cost-baseline` compares with. `sha` is the commit trained.
   */
  usage?: { durationSeconds: number; cpuSeconds: number; peakRssBytes: number; measured: boolean; sha?: string };
}

const SUFFIX = '.train.json';

/** `<id>.train.json`: the record's file name in the report directory. */
export function trainRecordFile(id: string): string {
  return id + SUFFIX;
}

export async function writeTrainRecord(dir: string, id: string, record: TrainRecord): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, trainRecordFile(id));
  await writeFile(`${file}.tmp`, JSON.stringify(record, null, 2) + '\n');
  await rename(`${file}.tmp`, file);
  return file;
}

/**
 * The record of the last train step that wrote into this report directory, or undefined when none
 * did. A record that is not one (hand-edited, another version) is ignored rather than trusted.
 */
export async function latestTrainRecord(dir: string): Promise<TrainRecord | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(SUFFIX));
  let best: { at: number; record: TrainRecord } | undefined;
  for (const n of names) {
    try {
      const file = join(dir, n);
      const record = JSON.parse(await readFile(file, 'utf8')) as TrainRecord;
      if (record?.schema !== 'mlci/train@1' || !Array.isArray(record.metrics) || !Array.isArray(record.params)) continue;
      const at = (await stat(file)).mtimeMs;
      if (!best || at > best.at) best = { at, record };
    } catch {}
  }
  return best?.record;
}
