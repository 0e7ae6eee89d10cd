/**
 * The communication network as an inline SVG graph: the roles on a circle, a line between two roles that
 * exchanged messages (thicker for more), the message count on each line, isolated roles drawn hollow in red, and
 * the fragmentation F in the corner. Layout is fixed by the roles' order, so the same log draws the same picture.
 */
import type { NetworkMeasures } from "../core/scoring/scorecard.ts";
import type { Formatter } from "./format.ts";
import type { Strings } from "./i18n.ts";
import type { Names } from "./names.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { charsIn, textWidth, truncate } from "./fit-text.ts";

const HEIGHT = 460;
const CY = HEIGHT / 2 + 10;
const RADIUS = 150;
const NODE = 16;
const LABEL_GAP = 12;
/** Role names longer than this many pixels are cut (the tooltip has them whole). */
const MAX_LABEL = 230;
const MIN_WIDTH = 640;

export function networkSvg(network: NetworkMeasures, names: Names, strings: Strings, format: Formatter): SafeHtml {
  const n = network.roles.length;
  const labelChars = charsIn(MAX_LABEL, 13);
  const longest = Math.max(0, ...network.roles.map((role) => textWidth(truncate(names.role(role), labelChars), 13)));
  const width = Math.max(MIN_WIDTH, 2 * (RADIUS + NODE + LABEL_GAP + longest + 8));
  const cx = width / 2;
  const position = new Map<string, { x: number; y: number; angle: number }>();
  network.roles.forEach((role, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    position.set(role, { x: cx + RADIUS * Math.cos(angle), y: CY + RADIUS * Math.sin(angle), angle });
  });
  const isolated = new Set(network.isolated);
  const maxMessages = Math.max(1, ...network.edges.map((e) => e.aToB + e.bToA));
  const r = (v: number) => Math.round(v * 10) / 10;

  const edges = network.edges.map((edge) => {
    const a = position.get(edge.a);
    const b = position.get(edge.b);
    if (!a || !b) return html``;
    const total = edge.aToB + edge.bToA;
    const strokeWidth = 1.5 + (8 * total) / maxMessages;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const tip =
      `${names.role(edge.a)} → ${names.role(edge.b)}${strings.colon}${edge.aToB}; ` +
      `${names.role(edge.b)} → ${names.role(edge.a)}${strings.colon}${edge.bToA}`;
    return html`<g class="edge"><title>${tip}</title><line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="#5c6bc0" stroke-opacity="0.75" stroke-width="${r(strokeWidth)}" stroke-linecap="round"/><rect x="${r(mx - 11)}" y="${r(my - 8)}" width="22" height="16" rx="3" fill="#ffffff" stroke="#c5cae9"/><text x="${r(mx)}" y="${r(my + 4)}" text-anchor="middle" font-size="11" fill="#1a237e">${total}</text></g>`;
  });

  const nodes = network.roles.map((role) => {
    const p = position.get(role)!;
    const lonely = isolated.has(role);
    const reach = network.reach.find((x) => x.role === role);
    const lx = cx + (RADIUS + NODE + LABEL_GAP) * Math.cos(p.angle);
    const ly = CY + (RADIUS + NODE + LABEL_GAP) * Math.sin(p.angle);
    const cos = Math.cos(p.angle);
    const anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    const dy = Math.sin(p.angle) > 0.5 ? 12 : Math.sin(p.angle) < -0.5 ? -4 : 4;
    const tip = reach
      ? `${names.role(role)}${strings.colon}${reach.sent} ${strings.coordination.sent}, ${reach.received} ${strings.coordination.received}, ` +
        `${reach.degree} ${strings.coordination.contacts}, ${strings.coordination.reach} ${format.decimal(reach.harmonic, 2)}`
      : names.role(role);
    return html`<g class="node${lonely ? " isolated" : ""}"><title>${tip}</title><circle cx="${r(p.x)}" cy="${r(p.y)}" r="${NODE}" fill="${lonely ? "#ffffff" : "#3949ab"}" stroke="${lonely ? "#c62828" : "#1a237e"}" stroke-width="${lonely ? 3 : 1.5}"${lonely ? html` stroke-dasharray="5 3"` : ""}/><text x="${r(lx)}" y="${r(ly + dy)}" text-anchor="${anchor}" font-size="13" font-weight="600" fill="${lonely ? "#b71c1c" : "#1a1a1a"}">${truncate(names.role(role), labelChars)}</text>${lonely ? html`<text x="${r(lx)}" y="${r(ly + dy + 14)}" text-anchor="${anchor}" font-size="11" fill="#b71c1c">(${strings.coordination.isolated})</text>` : ""}</g>`;
  });

  const f = network.fragmentation === null ? strings.notAssessed : format.decimal(network.fragmentation, 2);
  const label = `${strings.coordination.networkTitle}${strings.colon}${strings.coordination.fragmentation} = ${f}`;
  return html`<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" role="img" aria-label="${label}"><rect x="0" y="0" width="${width}" height="${HEIGHT}" fill="#ffffff"/><text x="12" y="24" font-size="15" font-weight="700" fill="#1a1a1a">${strings.coordination.fragmentation} = ${f}</text><text x="12" y="42" font-size="12" fill="#555555">${network.messages} ${strings.coordination.messages}</text>${edges}${nodes}</svg>`;
}
