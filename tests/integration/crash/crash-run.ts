// The crash test's driver: start the real host, let the lanes edit, SIGKILL it at a
// random moment (sometimes while it is still starting), check the database file,
// restart, and check that every acknowledged edit survived. Seeded, so a failing
// run can be replayed with its seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, seededRandom } from './api-client';
import { checkDatabaseFile } from './db-check';
import { startHost, type HostProcess } from './host-process';
import { Lane, type LaneTally } from './lane';

export interface CrashRunOptions {
  seed: number;
  /** Stop after this many kills… */
  kills: number;
  /** …or after this long, whichever comes first. */
  seconds: number;
  lanes?: number;
  /** Share of kills aimed at start-up (before the host answers). */
  startupKillShare?: number;
  /** Longest time the lanes edit before a kill. */
  maxEditMs?: number;
  /** Extra environment for the host (the negative control's test switch). */
  hostEnv?: Record<string, string>;
  /** The negative control: refusals caused by the broken host are expected. */
  expectRefusals?: boolean;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  seconds: number;
  kills: number;
  startupKills: number;
  restarts: number;
  lanes: number;
  acknowledgedEdits: number;
  losses: number;
  lossDetails: string[];
  integrityFailures: string[];
  unexpectedRefusals: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyWithin(host: HostProcess, ms: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The host did not start within ${ms / 1000} s: ${host.stderr()}`)), ms);
  });
  try {
    return await Promise.race([host.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runCrashTest(options: CrashRunOptions): Promise<CrashReport> {
  const { seed, lanes: laneCount = 4, startupKillShare = 0.2, maxEditMs = 1200, log = () => {} } = options;
  const random = seededRandom(seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'leanmap-crash-'));
  const tally: LaneTally = { acknowledgedEdits: 0, losses: [], unexpected: [] };
  const lanes = Array.from(
    { length: laneCount },
    (_, i) => new Lane(`lane${i + 1}`, seededRandom(seed * 31 + i + 1), tally, options.expectRefusals ?? false),
  );
  const integrityFailures: string[] = [];
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  let kills = 0;
  let startupKills = 0;
  let restarts = 0;
  let host: HostProcess | null = null;

  const checkFile = (when: string) => {
    const check = checkDatabaseFile(join(dataDir, 'leanmap.db'));
    for (const p of check.problems) integrityFailures.push(`${when}: ${p}`);
  };

  try {
    while (kills < options.kills && Date.now() < deadline) {
      host = startHost(dataDir, options.hostEnv);
      restarts += 1;
      if (random() < startupKillShare) {
        // Anywhere from "node is still loading" to "just listening".
        await Promise.race([sleep(random() * 400), host.exited]);
        await host.kill();
        kills += 1;
        startupKills += 1;
        checkFile(`after start-up kill ${kills}`);
        continue;
      }
      const port = await readyWithin(host, 30_000);
      const api = apiClient(port, host.token);
      for (const lane of lanes) {
        await lane.verify(api);
        await lane.resync(api);
      }
      let stopped = false;
      const running = lanes.map((lane) => lane.run(api, () => stopped));
      await sleep(50 + random() * maxEditMs);
      await host.kill();
      stopped = true;
      kills += 1;
      await Promise.all(running);
      checkFile(`after kill ${kills}`);
      log(`kill ${kills}: ${tally.acknowledgedEdits} acknowledged edits, ${tally.losses.length} losses`);
    }
    // A last start to check the edits acknowledged before the last kill.
    host = startHost(dataDir, options.hostEnv);
    restarts += 1;
    const api = apiClient(await readyWithin(host, 30_000), host.token);
    for (const lane of lanes) await lane.verify(api);
  } finally {
    await host?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    seed,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    kills,
    startupKills,
    restarts,
    lanes: laneCount,
    acknowledgedEdits: tally.acknowledgedEdits,
    losses: tally.losses.length,
    lossDetails: tally.losses.slice(0, 20),
    integrityFailures,
    unexpectedRefusals: tally.unexpected.slice(0, 20),
  };
}
