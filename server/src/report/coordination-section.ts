/**
 * The coordination section: the communication network (graph and per-role reach), the information other roles
 * needed and whether it was relayed, decisions and whether they became joint, METHANE reports, and public messages
 * with their assessment. Decision and message texts are the players' own, escaped like everything else.
 */
import type { ExerciseEvent } from "../core/engine/events.ts";
import type { ReportModel } from "./report-model.ts";
import type { SafeHtml } from "./safe-html.ts";
import { html } from "./safe-html.ts";
import { networkSvg } from "./svg-network.ts";

export function coordinationSection(model: ReportModel): SafeHtml {
  const { card, strings, names, format } = model;
  const c = strings.coordination;
  const network = card.coordination.network;
  const bySeq = new Map<number, ExerciseEvent>(model.events.map((e) => [e.seq, e]));
  const statusText = {
    relayed: strings.status.relayed,
    "not-relayed": strings.status.notRelayed,
    pending: strings.status.pending
  } as const;
  const decisionStatus = {
    joint: strings.status.joint,
    solo: strings.status.solo,
    "not-joint": strings.status.notJoint,
    pending: strings.status.pending
  } as const;

  const reachRows = network.reach.map(
    (r) =>
      html`<tr class="${network.isolated.includes(r.role) ? "bad" : ""}"><th scope="row">${names.role(r.role)}</th><td class="num">${r.sent}</td><td class="num">${r.received}</td><td class="num">${r.degree}</td><td class="num">${format.decimal(r.harmonic, 2)}</td></tr>`
  );
  const networkBlock = html`<h3>${c.networkTitle}</h3><p>${c.networkIntro}</p><div class="figure-row"><div class="figure">${networkSvg(network, names, strings, format)}</div><div><p class="big-figure">${c.fragmentation} = <strong>${network.fragmentation === null ? strings.notAssessed : format.decimal(network.fragmentation, 2)}</strong></p><p>${c.isolatedRoles}${strings.colon}<strong class="${network.isolated.length > 0 ? "bad" : ""}">${names.roles(network.isolated)}</strong></p><table class="compact"><thead><tr><th>${strings.breakdowns.role}</th><th>${c.sent}</th><th>${c.received}</th><th>${c.contacts}</th><th>${c.reach}</th></tr></thead><tbody>${reachRows}</tbody></table></div></div>`;

  const relays = card.coordination.relays;
  const relayBlock = html`<h3>${c.relaysTitle}</h3>${
    relays.items.length === 0
      ? html`<p>${c.noRelays}</p>`
      : html`<table class="compact"><thead><tr><th>${strings.timeline.time}</th><th>${c.inject}</th><th>${c.neededBy}</th><th>${c.receivedBy}</th><th>${c.status}</th><th>${c.relayedBy}</th><th>${c.delay}</th></tr></thead><tbody>${relays.items.map(
          (r) =>
            html`<tr class="${r.status === "not-relayed" ? "bad" : ""}"><td class="time">${format.clock(r.released.x)}</td><td>${names.inject(r.inject)}</td><td>${names.role(r.role)}</td><td>${names.roles(r.holders)}</td><td>${statusText[r.status]}</td><td>${r.by === null ? "—" : names.role(r.by)}</td><td class="num">${format.minutes(r.latencyMs)}</td></tr>`
        )}</tbody></table>`
  }`;

  const decisions = card.coordination.decisions;
  const decisionBlock = html`<h3>${c.decisionsTitle}</h3>${
    decisions.items.length === 0
      ? html`<p>${c.noDecisions}</p>`
      : html`<table class="compact"><thead><tr><th>${strings.timeline.time}</th><th>${strings.breakdowns.role}</th><th>${c.decision}</th><th>${c.with}</th><th>${c.status}</th><th>${c.timeToJoint}</th></tr></thead><tbody>${decisions.items.map(
          (d) =>
            html`<tr class="${d.status === "solo" || d.status === "not-joint" ? "warn" : ""}"><td class="time">${format.clock(d.logged.x)}</td><td>${names.role(d.role)}</td><td>${names.decision(d.id)}${d.topic ? html` <small>(${d.topic})</small>` : ""}</td><td>${names.roles(d.with)}</td><td>${decisionStatus[d.status]}</td><td class="num">${format.minutes(d.timeToJointMs)}</td></tr>`
        )}</tbody></table>`
  }`;

  const methane = card.coordination.methane;
  const methaneBlock = html`<h3>${c.methaneTitle}</h3><p>${
    methane.sent === 0
      ? c.methaneNone(methane.expected)
      : c.methaneSummary(methane.sent, names.roles(methane.rolesReached), format.percent(methane.coverage))
  }</p>`;

  const published = card.coordination.publicMessages;
  const publicBlock = html`<h3>${c.publicTitle}</h3>${
    published.items.length === 0
      ? html`<p>${c.noPublic}</p>`
      : html`<table class="compact"><thead><tr><th>${strings.timeline.time}</th><th>${strings.breakdowns.role}</th><th>${c.channel}</th><th>${c.topic}</th><th>${c.message}</th><th>${c.assessment}</th></tr></thead><tbody>${published.items.map((p) => {
          const event = bySeq.get(p.event.seq);
          const text = event && event.type === "public-message" ? event.text : "";
          const assessment = [
            p.premature ? c.premature(p.confirmedBy === null ? null : names.inject(p.confirmedBy)) : "",
            p.contradicting ? c.contradicting : ""
          ].filter((s) => s !== "");
          return html`<tr class="${assessment.length > 0 ? "bad" : ""}"><td class="time">${format.clock(p.event.x)}</td><td>${names.role(p.role)}</td><td>${strings.channels[p.channel as keyof typeof strings.channels] ?? p.channel}</td><td>${p.topic ?? "—"}</td><td>${text}</td><td>${assessment.length > 0 ? assessment.join("; ") : c.consistent}</td></tr>`;
        })}</tbody></table>`
  }`;

  return html`${networkBlock}${relayBlock}${decisionBlock}${methaneBlock}${publicBlock}`;
}
