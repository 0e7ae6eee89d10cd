/**
 * The HTML after-action report in a real browser: it opens from a file in headless Chromium with no console
 * error, no page error, no request beyond the file itself (self-contained), no script run from player text, and
 * prints to PDF a section per page. A full-page screenshot and the PDF are kept under test-artifacts/.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../server/src/report/render.ts";
import { launchBrowser } from "../support/browser.ts";
import { reportDrill } from "../unit/report/exercise-log.ts";

const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");

describe("the HTML report in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ["en", "fr"] as const) {
    it(`opens cleanly, runs no player script and prints (${language})`, async () => {
      // Given the report of an exercise whose players typed markup, written to a file
      const file = join(ARTIFACTS, `report-${language}.html`);
      await writeFile(file, renderReport(reportDrill(language), "html"), "utf8");
      const url = pathToFileURL(file).href;

      // When Chromium opens it
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      const requests: string[] = [];
      const failed: string[] = [];
      const dialogs: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("request", (r) => requests.push(r.url()));
      page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const response = await page.goto(url, { waitUntil: "load" });

      // Then it loaded alone, with no error and nothing injected
      expect(response?.ok()).toBe(true);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failed).toEqual([]);
      expect(requests).toEqual([url]);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.locator("img").count()).toBe(0);

      // And it shows the report's parts in its language, with the player's text as text
      expect(await page.getAttribute("html", "lang")).toBe(language);
      expect(await page.locator("section").count()).toBe(9);
      expect(await page.locator("svg.timeline").count()).toBe(1);
      expect(await page.locator("svg.network").count()).toBe(1);
      expect(await page.locator("svg.heatmap").count()).toBe(1);
      expect(await page.locator("#improvement-plan table.plan tbody tr").count()).toBeGreaterThan(0);
      await expect(page.locator("#timeline").innerText()).resolves.toContain("<script>window.__xss = 1</script>");
      const heading = await page.locator("#summary h2").innerText();
      expect(heading).toBe(language === "fr" ? "Synthèse" : "Summary");

      // And every chart fits the page width (nothing spills off the side)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await page.screenshot({ path: join(ARTIFACTS, `report-${language}.png`), fullPage: true });

      // And printed to PDF, it runs over several A4 pages (one section per page at least)
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true, path: join(ARTIFACTS, `report-${language}.pdf`) });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(9);
      await page.close();
    });
  }
});
