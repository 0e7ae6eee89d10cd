/**
 * Small HTTP helpers on Node's own request/response objects: JSON answers, JSON errors, and request bodies read
 * with a size limit. Every error leaves as `{ "error": "..." }` with the right status; nothing here throws past
 * the route that called it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** An error with an HTTP status and a JSON body to answer with. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.body = { error: message, ...extra };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.setHeader("Cache-Control", "no-store");
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(body);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  if (error.status === 413) res.setHeader("Connection", "close");
  sendJson(res, error.status, error.body);
}

/** The request body as text, refusing more than `limit` bytes with a 413 (before reading it, if announced). */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new HttpError(413, `the request body is larger than ${limit / (1024 * 1024)} MiB`, { limit });
  const announced = Number(req.headers["content-length"]);
  if (Number.isFinite(announced) && announced > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(new HttpError(400, `could not read the request body: ${error.message}`));
    });
  });
}

/** The media type of a request, lower-case, without parameters ("" if none). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}
