/** Reading an HTML report as a person would: its visible text, with tags dropped and entities decoded. */

export function visibleText(markup: string): string {
  return markup
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<title>[\s\S]*?<\/title>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00a0\u202f]+/g, " ");
}

/** The markup of the `<section id="...">` of a report. */
export function section(markup: string, id: string): string {
  const start = markup.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section "${id}" in the report`);
  const end = markup.indexOf("</section>", start);
  return markup.slice(start, end);
}
