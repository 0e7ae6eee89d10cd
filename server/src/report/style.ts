/**
 * The report's stylesheet, inlined in every HTML report (no external assets). Light colours only, the system font
 * stack, and print rules: A4 pages, each section on a new page, rows and figures never split, charts scaled to
 * the page width, colours kept when printing to PDF.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 1060px; padding: 24px 28px 48px; background: #ffffff; color: #1a1a1a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 14px; line-height: 1.45;
}
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 2px solid #3949ab; color: #1a237e; }
h3 { font-size: 16px; margin: 20px 0 8px; color: #283593; }
p { margin: 6px 0 10px; }
small { color: #455a64; }
header.report-header { border-bottom: 1px solid #cfd8dc; padding-bottom: 12px; margin-bottom: 16px; }
.subtitle { font-size: 18px; color: #37474f; margin: 0 0 8px; }
.scenario-summary { color: #37474f; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 0; }
dl.meta dt { color: #546e7a; }
dl.meta dd { margin: 0; }
nav.toc ol { columns: 3; margin: 6px 0 0; padding-left: 20px; }
nav.toc a { color: #283593; }
section { margin: 28px 0 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border: 1px solid #cfd8dc; padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #eef1f8; font-weight: 600; }
tbody th { font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.score { font-weight: 700; }
tr.total th, tr.total td { border-top: 2px solid #90a4ae; font-weight: 700; }
table.compact { font-size: 13px; }
.bad, tr.bad td { color: #b71c1c; }
tr.warn td { background: #fff8e1; }
tr.row-inject td { background: #f1f6fd; }
tr.row-missed td { color: #b71c1c; font-weight: 600; }
tr.row-phase td { color: #37474f; }
.met { color: #1b5e20; font-size: 12px; }
.ack.ok { color: #1b5e20; }
.ack.bad { color: #b71c1c; }
.scores { display: grid; grid-template-columns: 1.1fr repeat(3, 1fr); gap: 12px; margin: 10px 0 16px; }
.score-card { border: 1px solid #cfd8dc; border-radius: 6px; padding: 10px 12px; background: #ffffff; }
.score-card.overall { border: 2px solid #3949ab; }
.score-card h3 { margin: 0 0 4px; font-size: 14px; color: #37474f; }
.score-value { font-size: 34px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.score-card.overall .score-value { font-size: 46px; color: #1a237e; }
.weight { color: #546e7a; font-size: 12px; }
.score-card table { font-size: 12px; margin: 8px 0 0; }
.score-card td, .score-card th { border: none; border-top: 1px solid #eceff1; padding: 2px 2px; }
ul.key-figures { margin: 4px 0 10px; padding-left: 20px; }
.figure { overflow-x: auto; }
.figure-row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.figure-row > div { flex: 1 1 320px; }
.figure-row > .figure { flex: 0 1 640px; }
figure { margin: 8px 0 14px; }
figcaption { font-weight: 600; margin-bottom: 4px; color: #283593; }
svg { max-width: 100%; height: auto; }
svg.timeline, svg.response-chart { width: 100%; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12px; color: #37474f; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 14px; height: 10px; }
.big-figure { font-size: 18px; }
ul.evidence { margin: 0; padding-left: 16px; font-size: 12px; color: #37474f; }
ul.evidence li.more { list-style: none; font-style: italic; }
ol.strengths > li { margin-bottom: 8px; }
.dimension-tag { font-size: 12px; color: #546e7a; white-space: nowrap; }
.notes-kind { color: #546e7a; font-size: 12px; }
.note-text { white-space: pre-wrap; }
footer { margin-top: 32px; color: #78909c; font-size: 12px; border-top: 1px solid #cfd8dc; padding-top: 8px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11.5px; }
  nav.toc { display: none; }
  section { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  tr, figure, .score-card, svg, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .figure { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .scores { grid-template-columns: repeat(2, 1fr); }
}
`;
