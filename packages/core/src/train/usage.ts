import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * What a process tree costs, read from /proc (Linux). wait4's rusage gives only the largest
 * child's max RSS and nothing of processes still running, so the tree is sampled: every
 * descendant of the root (`/proc/<pid>/task/<tid>/children`, recursively), summing CPU time
 * (`stat` utime + stime) and resident memory (`status` VmRSS). Where /proc is absent (macOS), the
 * sample is empty and the figures are those the caller gets from elsewhere.
 */

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux architecture's ABI. */
const TICKS_PER_SECOND = 100;

export interface ProcessSample {
  pid: number;
  cpuSeconds: number;
  rssBytes: number;
  /** VmHWM: this process's own peak RSS so far. */
  peakRssBytes: number;
  /** When it started (clock ticks after boot): with the pid, names this process and no later one. */
  startTime: string;
  /** Exited, waiting for its parent to reap it (`Z`): it runs no more. */
  zombie: boolean;
}

/** The root and all its live descendants. A process that exits mid-walk is simply left out. */
export function processTree(root: number): number[] {
  const seen = new Set<number>();
  const walk = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(/\s+/).filter(Boolean)) walk(Number(c));
    }
  };
  walk(root);
  return [...seen];
}

export function sampleProcess(pid: number): ProcessSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last `)`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { pid, cpuSeconds, rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM'), startTime: fields[19], zombie: fields[0] === 'Z' };
  } catch {
    return undefined;
  }
}

/**
 * The CPU time of the calling process's children that it has waited for (`/proc/self/stat`
 * cutime + cstime): a reaped shell includes every descendant it waited for, so the difference
 * across a command is that command tree's CPU, exited grandchildren included.
 */
export function reapedChildrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Whether this system has /proc to read (Linux): elsewhere CPU and memory are not measured. */
export function canMeasure(): boolean {
  return existsSync('/proc/self/stat');
}

export interface TreeUsage {
  /** CPU seconds of the tree: what was seen of live processes, or what the reaped children add up to, whichever is more. */
  cpuSeconds: number;
  /**
   * The largest sum of RSS over the tree at one sample, or the largest peak (VmHWM) of one of its
   * processes if that is more: both are lower bounds of the tree's true peak.
   */
  peakRssBytes: number;
}

/** Samples a process tree until stopped. */
export class TreeSampler {
  private readonly cpuByPid = new Map<number, number>();
  private peakSum = 0;
  private peakOne = 0;
  private readonly started = new Map<number, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly cpuBefore = reapedChildrenCpuSeconds();

  constructor(
    private readonly root: number,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    let sum = 0;
    for (const pid of processTree(this.root)) {
      const s = sampleProcess(pid);
      if (!s) continue;
      this.started.set(pid, s.startTime);
      // A pid's CPU time only grows; the last reading before it exits is the best we have.
      this.cpuByPid.set(pid, Math.max(this.cpuByPid.get(pid) ?? 0, s.cpuSeconds));
      sum += s.rssBytes;
      this.peakOne = Math.max(this.peakOne, s.peakRssBytes);
    }
    this.peakSum = Math.max(this.peakSum, sum);
  }

  /** Call once the root was reaped: its children's CPU is then in this process's cutime. */
  stop(): TreeUsage {
    clearInterval(this.timer);
    const seen = [...this.cpuByPid.values()].reduce((a, b) => a + b, 0);
    const after = reapedChildrenCpuSeconds();
    const reaped = this.cpuBefore !== undefined && after !== undefined ? after - this.cpuBefore : 0;
    return { cpuSeconds: Math.max(seen, reaped), peakRssBytes: Math.max(this.peakSum, this.peakOne) };
  }

  /**
   * The processes seen in the tree that still run, for a timeout to kill those that left the
   * process group (setsid). A pid whose start time changed was reused by another process: left alone.
   */
  stillRunning(): number[] {
    return [...this.started]
      .filter(([pid, start]) => {
        const now = sampleProcess(pid);
        return now !== undefined && now.startTime === start && !now.zombie;
      })
      .map(([pid]) => pid);
  }
}
