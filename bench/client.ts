/**
 * The web client's figures, in headless Chromium against the real server on loopback:
 *
 * - Map frame time with 300 entities (300 moving units on a 24-zone site with roads, cordons, crowds and markers,
 *   `#/bench/map?units=300`), next to the same map with no units (the baseline, same run): frames per second,
 *   the interval between frames, and the work per frame (game step + WebGL draw calls). Target: 60 fps.
 * - Time to the first usable screen: navigation start to the lobby's join form ready (`cordon-usable` mark),
 *   cold cache, median of 5 loads. Target: < 1.5 s on loopback.
 * - Bundle size: every file of the build gzipped (level 9), and what the lobby needs to load. Target: ≤ 1.5 MB.
 *
 * The map draws with Phaser's 2D canvas renderer (see map-view.ts); the same map with Phaser's WebGL renderer is
 * shown for comparison — headless Chromium here runs WebGL in software (SwiftShader), as machines without a GPU
 * driver do. Targets are printed PASS/FAIL and never fail the run.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { buildClient } from "../client/scripts/build-if-stale.ts";
import { launchBrowser } from "../test/support/browser.ts";
import { table } from "./measure.ts";

const REPO = resolve(import.meta.dirname, "..");
const FPS_TARGET = 60;
const USABLE_TARGET_MS = 1500;
const BUNDLE_TARGET_BYTES = 1.5 * 1024 * 1024;
const MAP_ENTITIES = 300;
const SAMPLE_MS = 5000;
const WARMUP_MS = 1500;
const LOADS = 5;

interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** `npm start`'s server in a child process on a free port, with a temporary store and the given client. */
async function startServer(clientDir: string, dbDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ["server/src/main.ts"], {
    cwd: REPO,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", CORDON_DB: join(dbDir, "bench.sqlite"), CORDON_CLIENT_DIR: clientDir },
    stdio: ["ignore", "pipe", "pipe"]
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`the server did not start:\n${output}`)), 20_000);
    child.stdout!.on("data", () => {
      const match = /listening on (http:\/\/\S+?)\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        res(match[1]!);
      }
    });
    child.once("exit", (code) => rej(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    }
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

interface FrameFigures {
  units: number;
  fps: number;
  intervalMedian: number;
  intervalP95: number;
  workMedian: number;
  workP95: number;
}

async function mapFrames(browser: Browser, url: string, units: number, renderer: "canvas" | "webgl" = "canvas"): Promise<FrameFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(`${url}/#/bench/map?units=${units}&renderer=${renderer}`);
    await page.waitForFunction(() => (window as { __cordonBench?: { ready: boolean } }).__cordonBench?.ready === true, undefined, { timeout: 30_000 });
    await page.waitForTimeout(WARMUP_MS);
    await page.evaluate(() => {
      const bench = (window as unknown as { __cordonBench: { frames: number[]; work: number[] } }).__cordonBench;
      bench.frames.length = 0;
      bench.work.length = 0;
    });
    await page.waitForTimeout(SAMPLE_MS);
    const { frames, work } = await page.evaluate(() => {
      const bench = (window as unknown as { __cordonBench: { frames: number[]; work: number[] } }).__cordonBench;
      return { frames: [...bench.frames], work: [...bench.work] };
    });
    const intervals = [...frames].sort((a, b) => a - b);
    const works = [...work].sort((a, b) => a - b);
    return {
      units,
      fps: (frames.length / SAMPLE_MS) * 1000,
      intervalMedian: quantile(intervals, 0.5),
      intervalP95: quantile(intervals, 0.95),
      workMedian: quantile(works, 0.5),
      workP95: quantile(works, 0.95)
    };
  } finally {
    await page.close();
  }
}

/** Navigation start to the lobby's `cordon-usable` mark, with an empty cache each time. */
async function timeToUsable(browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("cordon-usable").length > 0, undefined, { timeout: 30_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName("cordon-usable")[0]!.startTime));
    } finally {
      await context.close();
    }
  }
  return times.sort((a, b) => a - b);
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir)) {
    const path = join(dir, entry);
    if ((await stat(path)).isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

interface BundleFigures {
  rawBytes: number;
  gzipBytes: number;
  /** What the lobby needs: index.html, the entry script, the stylesheet and the lobby chunk. */
  lobbyGzipBytes: number;
  largest: { name: string; gzipBytes: number }[];
}

async function bundleSize(dist: string): Promise<BundleFigures> {
  let rawBytes = 0;
  let gzipBytes = 0;
  let lobbyGzipBytes = 0;
  const sizes: { name: string; gzipBytes: number }[] = [];
  for (const path of await files(dist)) {
    const data = await readFile(path);
    const gz = gzipSync(data, { level: 9 }).length;
    const name = path.slice(dist.length + 1);
    rawBytes += data.length;
    gzipBytes += gz;
    sizes.push({ name, gzipBytes: gz });
    if (name === "index.html" || /^assets\/(index|lobby|dom|forms|header)-/.test(name)) lobbyGzipBytes += gz;
  }
  sizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { rawBytes, gzipBytes, lobbyGzipBytes, largest: sizes.slice(0, 4) };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => value.toFixed(1);
const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");

export async function clientBenchmark(): Promise<void> {
  const dist = await mkdtemp(join(tmpdir(), "cordon-bench-client-"));
  const dbDir = await mkdtemp(join(tmpdir(), "cordon-bench-db-"));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    const buildStart = performance.now();
    await buildClient(dist);
    const buildMs = performance.now() - buildStart;
    const bundle = await bundleSize(dist);
    server = await startServer(dist, dbDir);
    browser = await launchBrowser();

    const usable = await timeToUsable(browser, server.url);
    const baseline = await mapFrames(browser, server.url, 0);
    const loaded = await mapFrames(browser, server.url, MAP_ENTITIES);
    const webgl = await mapFrames(browser, server.url, MAP_ENTITIES, "webgl");

    console.log(`Client built in ${(buildMs / 1000).toFixed(1)} s; headless Chromium, 1280x720, server on loopback.\n`);
    const row = (label: string, f: FrameFigures): string[] => [
      label,
      f.fps.toFixed(1),
      ms(f.intervalMedian),
      ms(f.intervalP95),
      ms(f.workMedian),
      ms(f.workP95),
      (f.workMedian / Math.max(0.01, baseline.workMedian)).toFixed(2)
    ];
    console.log(
      table(
        ["map, 5 s sample", "fps", "interval median ms", "interval p95 ms", "work median ms", "work p95 ms", "work x baseline"],
        [
          row("canvas, no units (baseline)", baseline),
          row(`canvas, ${MAP_ENTITIES} moving units`, loaded),
          row(`WebGL (software), ${MAP_ENTITIES} units`, webgl)
        ]
      )
    );
    const usableMedian = quantile(usable, 0.5);
    console.log("");
    console.log(
      table(
        ["figure", "value", "target", ""],
        [
          [`map fps with ${MAP_ENTITIES} units`, loaded.fps.toFixed(1), `>= ${FPS_TARGET} (within 5%)`, verdict(loaded.fps >= FPS_TARGET * 0.95)],
          [`map work per frame, ${MAP_ENTITIES} units (p95)`, `${ms(loaded.workP95)} ms`, `< ${(1000 / FPS_TARGET).toFixed(1)} ms`, verdict(loaded.workP95 < 1000 / FPS_TARGET)],
          [
            "first usable screen (median of 5, cold cache)",
            `${ms(usableMedian)} ms (min ${ms(usable[0]!)}, max ${ms(usable[usable.length - 1]!)})`,
            `< ${USABLE_TARGET_MS} ms`,
            verdict(usableMedian < USABLE_TARGET_MS)
          ],
          ["bundle, gzipped, all files", `${kb(bundle.gzipBytes)} (raw ${kb(bundle.rawBytes)})`, `<= ${kb(BUNDLE_TARGET_BYTES)}`, verdict(bundle.gzipBytes <= BUNDLE_TARGET_BYTES)],
          ["lobby download, gzipped (before Phaser)", kb(bundle.lobbyGzipBytes), "", ""]
        ]
      )
    );
    console.log(`\nLargest files (gzipped): ${bundle.largest.map((f) => `${f.name} ${kb(f.gzipBytes)}`).join(", ")}`);
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(dist, { recursive: true, force: true });
    await rm(dbDir, { recursive: true, force: true });
  }
}
