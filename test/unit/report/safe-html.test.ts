import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "../../../server/src/report/safe-html.ts";

describe("safe HTML templates", () => {
  it("escapes the five characters that matter in content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("escapes every interpolated string, in text and in attributes", () => {
    const name = `"><script>alert(1)</script>`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      "<td title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"
    );
  });

  it("keeps nested templates and raw markup as markup, joins lists, drops null, undefined and false", () => {
    const items = ["<a>", "b"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw("<hr>")}${3}`.value).toBe(
      "<ul><li>&lt;a&gt;</li><li>b</li></ul><hr>3"
    );
  });
});
