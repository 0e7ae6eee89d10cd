/**
 * Serves the built Phaser client (client/dist) from the same port as the API and the game server. Paths are
 * resolved inside the folder only; an unknown path without a file extension gets index.html (the client routes
 * itself). Without a built client, `/` answers with a short page saying so.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { sendText } from "./http-kit.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8"
};

const NO_CLIENT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cordon server</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>Cordon server</h1>
<p>The exercise server is running. The web client has not been built yet, so there is nothing to show here.</p>
<ul>
<li><a href="/api/scenarios">GET /api/scenarios</a> — the scenario library</li>
<li>POST /api/exercises — create an exercise</li>
<li>GET /api/exercises/by-code/:code — an exercise's lobby</li>
</ul>
</body></html>
`;

/** Handles GET/HEAD for the client; returns false if the request is not for it. */
export function serveClient(clientDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const root = resolve(clientDir);
  const index = join(root, "index.html");
  if (!existsSync(index)) {
    if (pathname !== "/" && pathname !== "/index.html") return false;
    sendText(res, 200, "text/html; charset=utf-8", NO_CLIENT_PAGE);
    return true;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes("\0")) return false;
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return false;
  let file = candidate;
  if (!isFile(file)) {
    if (extname(decoded) !== "") return false;
    file = index;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  res.statusCode = 200;
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Length", statSync(file).size);
  res.setHeader("Cache-Control", file === index ? "no-cache" : "public, max-age=3600");
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
  return true;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
