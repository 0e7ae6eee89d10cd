/**
 * `npm start`'s prestart step: builds the web client (client/dist) when it is missing or older than its sources
 * (client/index.html, client/src, client/public, the Vite config, the engine core it bundles, and the installed
 * packages' lock file), so that `npm install && npm start` serves an up-to-date client with no other step. A fresh
 * build takes a few seconds. Without Vite (an install without dev dependencies) it warns and lets the server start:
 * the API and the game server work without the web client.
 *
 *   node client/scripts/build-if-stale.ts            build only if stale
 *   node client/scripts/build-if-stale.ts --force    always build
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CLIENT = join(ROOT, "client");
const DIST_INDEX = join(CLIENT, "dist", "index.html");
const SOURCES = [
  join(CLIENT, "index.html"),
  join(CLIENT, "vite.config.ts"),
  join(CLIENT, "src"),
  join(CLIENT, "public"),
  join(ROOT, "server", "src", "core"),
  join(ROOT, "package-lock.json")
];

/** The newest modification time under `path` (a file or a folder), 0 if it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function clientIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Builds the client into `outDir` (default client/dist). */
export async function buildClient(outDir?: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: join(CLIENT, "vite.config.ts"),
    logLevel: "warn",
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {})
  });
}

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  if (!force && !clientIsStale()) return;
  let hasVite = true;
  try {
    await import("vite");
  } catch {
    hasVite = false;
  }
  if (!hasVite) {
    if (existsSync(DIST_INDEX)) {
      console.warn("cordon: the web client may be out of date, and Vite (a dev dependency) is not installed to rebuild it");
      return;
    }
    console.warn("cordon: the web client is not built and Vite is not installed (run `npm install` with dev dependencies); starting without it");
    return;
  }
  const started = Date.now();
  console.log(existsSync(DIST_INDEX) ? "cordon: rebuilding the web client (sources changed)..." : "cordon: building the web client...");
  await buildClient();
  console.log(`cordon: web client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
