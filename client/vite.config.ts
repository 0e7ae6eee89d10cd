/**
 * Vite build of the web client: client/index.html + client/src -> client/dist, served by `npm start` from the
 * server's port. Everything ships in the bundle (no CDN, no web fonts); the pure engine core under
 * server/src/core is bundled too (the debrief replays logs with it).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Phaser alone is ~1.3 MB minified: one chunk for it, one for the app, so app changes do not re-download it.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Timing warnings are about the build machine, not the bundle.
      checks: { bundlerTimings: false },
      output: {
        manualChunks(id: string) {
          if (id.includes("node_modules/phaser")) return "phaser";
          return undefined;
        }
      }
    }
  },
  server: {
    // `npx vite --config client/vite.config.ts` during development: API and rooms from a running `npm start`.
    proxy: {
      "/api": "http://localhost:2567",
      "/matchmake": "http://localhost:2567"
    }
  }
});
