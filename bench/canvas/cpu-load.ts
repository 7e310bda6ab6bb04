// The machine's load from other work during a benchmark run, read from /proc.
// Every process is sampled twice a second, so processes that start and end during
// the run (the browsers, other people's test runs) are counted too: this run's own
// CPU time is that of this process and its descendants (the host, the browsers and
// their helpers); "foreign" is the machine's busy time (/proc/stat) minus it.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const SAMPLE_EVERY_MS = 500;

interface ProcStat {
  ppid: number;
  /** utime + stime, in ticks. */
  ticks: number;
  /** Start time in ticks since boot (tells a reused pid apart). */
  started: number;
}

function readProc(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(fields[n - 3]); // n as numbered in proc(5)
    return { ppid: field(4), ticks: field(14) + field(15), started: field(22) };
  } catch {
    return null; // ended between listing and reading
  }
}

/** Busy ticks of all CPUs from /proc/stat (everything but idle and iowait; guest time is already in user). */
function machineBusyTicks(): number {
  const values = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  return values.reduce((a, b) => a + b, 0) - (values[3] ?? 0) - (values[4] ?? 0);
}

function uptimeTicks(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * TICKS_PER_SECOND;
}

interface Tracked {
  own: boolean;
  /** Ticks already used when the watch began (0 for processes started since). */
  baseline: number;
  last: number;
}

export interface ForeignLoad {
  cores: number;
  wall_s: number;
  loadavg_before: number[];
  loadavg_after: number[];
  /** CPU seconds: the whole machine's busy time, this run's own, and the difference. */
  machine_busy_cpu_s: number;
  own_cpu_s: number;
  foreign_cpu_s: number;
  /** Cores busy with other work, on average over the run. */
  foreign_cores_avg: number;
  /** Cross-check: the CPU seconds of the other processes as sampled (misses those shorter than a sample). */
  other_processes_cpu_s: number;
  busiest_other_processes: { pid: number; command: string; cpu_s: number }[];
}

/** Starts watching; call the returned function at the end (after every child has ended) for the figures. */
export function watchForeignLoad(): () => ForeignLoad {
  const began = { at: Date.now(), uptime: uptimeTicks(), busy: machineBusyTicks(), loadavg: loadavg() };
  const tracked = new Map<string, Tracked & { pid: number }>();
  const sample = () => {
    const seen = new Map<number, ProcStat>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readProc(Number(name));
      if (stat) seen.set(Number(name), stat);
    }
    // Own: this process and, transitively, every process whose parent is own.
    const own = new Set<number>([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, stat] of seen) {
        if (!own.has(pid) && own.has(stat.ppid)) {
          own.add(pid);
          grew = true;
        }
      }
    }
    for (const [pid, stat] of seen) {
      const key = `${pid}@${stat.started}`;
      const entry = tracked.get(key);
      if (entry) {
        entry.last = stat.ticks;
        entry.own ||= own.has(pid);
      } else {
        const newSinceStart = stat.started > began.uptime;
        tracked.set(key, { pid, own: own.has(pid), baseline: newSinceStart ? 0 : stat.ticks, last: stat.ticks });
      }
    }
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    sample();
    const wall = (Date.now() - began.at) / 1000;
    const machine = (machineBusyTicks() - began.busy) / TICKS_PER_SECOND;
    let ownTicks = 0;
    const others: { pid: number; ticks: number }[] = [];
    for (const entry of tracked.values()) {
      const used = entry.last - entry.baseline;
      if (entry.own) ownTicks += used;
      else if (used > 0) others.push({ pid: entry.pid, ticks: used });
    }
    others.sort((a, b) => b.ticks - a.ticks);
    const round = (x: number) => Math.round(x * 100) / 100;
    const own = ownTicks / TICKS_PER_SECOND;
    const foreign = Math.max(0, machine - own);
    const command = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        return '(ended)';
      }
    };
    return {
      cores: cpus().length,
      wall_s: round(wall),
      loadavg_before: began.loadavg.map(round),
      loadavg_after: loadavg().map(round),
      machine_busy_cpu_s: round(machine),
      own_cpu_s: round(own),
      foreign_cpu_s: round(foreign),
      foreign_cores_avg: round(wall > 0 ? foreign / wall : 0),
      other_processes_cpu_s: round(others.reduce((n, o) => n + o.ticks, 0) / TICKS_PER_SECOND),
      busiest_other_processes: others.slice(0, 5).map((o) => ({ pid: o.pid, command: command(o.pid), cpu_s: round(o.ticks / TICKS_PER_SECOND) })),
    };
  };
}
