/**
 * Headless Chromium for end-to-end tests, shared by every e2e test: the Chromium build of @sparticuz/chromium
 * (installed with the dev dependencies, no download at test time) driven by playwright-core. No GPU, no sandbox
 * (CI containers have none), and no background networking, so a page's only requests are the ones it makes.
 *
 *   const browser = await launchBrowser();
 *   try { const page = await browser.newPage(); ... } finally { await browser.close(); }
 */
import type { Browser, LaunchOptions } from "playwright-core";
import { chromium } from "playwright-core";

const EXTRA_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];
/**
 * @sparticuz/chromium targets AWS Lambda and runs Chromium in one process; there, closing a page's context kills
 * the whole browser, so a test could open only one page. Tests want many pages (one per player), so drop it.
 */
const DROPPED_ARGS = new Set(["--single-process"]);

export async function launchBrowser(options: Omit<LaunchOptions, "executablePath" | "args"> = {}): Promise<Browser> {
  const sparticuz = (await import("@sparticuz/chromium")).default;
  const executablePath = await sparticuz.executablePath();
  const args = [...new Set([...sparticuz.args.filter((a) => !DROPPED_ARGS.has(a)), ...EXTRA_ARGS])];
  return chromium.launch({ headless: true, ...options, executablePath, args });
}
