/**
 * Findings in the exercise's language. Scoring gives each finding a `code` and `params` (ids, counts, minutes);
 * here they become sentences in English or French, with role, inject, expectation and task ids replaced by
 * their localised names. A finding whose code this file does not know (a newer scoring) keeps scoring's English.
 */
import type { Finding, FindingCode } from "../core/scoring/scorecard.ts";
import type { Formatter } from "./format.ts";
import type { Strings } from "./i18n.ts";
import type { Names } from "./names.ts";

/** Reads one parameter of a finding, already turned into display text. */
type Word = (key: string) => string;
type Sentence = (w: Word) => string;

interface FindingWords {
  message: Record<FindingCode, Sentence>;
  action: Record<FindingCode, Sentence | null>;
}

/** Parameters naming one role, a comma-joined list of roles, an inject list... and how to show them. */
const ROLE_PARAMS = new Set(["role", "lead", "by", "earlierRole", "laterRole", "firstRole", "secondRole"]);
const ROLE_LIST_PARAMS = new Set(["holders", "with", "agreedBy", "missing"]);
const NUMBER_PARAMS = new Set(["latencyMin", "targetMin", "deadlineMin", "fragmentation"]);

const EN: FindingWords = {
  message: {
    "expectations-on-time": (w) => `${w("onTime")} of ${w("decided")} expected actions were taken within their target time.`,
    "clear-ownership": (w) => `Every one of the ${w("met")} expected actions taken was taken by the role expected to lead it.`,
    "relays-complete": (w) => `All the information other roles needed (${w("relayed")} item(s)) was relayed to them within target.`,
    "network-connected": (w) => `Every role exchanged messages with the others (fragmentation ${w("fragmentation")}).`,
    "joint-decisions": (w) => `${w("joint")} decision(s) were agreed jointly within target.`,
    "methane-shared": (w) => `METHANE reports (${w("sent")}) reached every role.`,
    "public-messages-consistent": (w) => `All public messages (${w("published")}) were confirmed and consistent with each other.`,
    "expectation-missed": (w) =>
      `Nobody took the expected action “${w("expectation")}” (inject “${w("inject")}”, led by ${w("lead")}) within ${w("deadlineMin")} min.`,
    "expectation-late": (w) =>
      `“${w("expectation")}” was done by ${w("role")} after ${w("latencyMin")} min against a target of ${w("targetMin")} min.`,
    "wrong-role": (w) => `“${w("expectation")}” was led by ${w("role")} (${w("owner")}) instead of ${w("lead")}.`,
    unacknowledged: (w) => `${w("role")} did not acknowledge ${w("count")} inject(s): ${w("injects")}.`,
    "not-relayed": (w) =>
      `${w("role")} needed the information of “${w("inject")}”, received by ${w("holders")}, and was never told.`,
    "relay-late": (w) => `${w("role")} was told of “${w("inject")}” by ${w("by")} only after ${w("latencyMin")} min.`,
    "isolated-role": (w) => `${w("role")} exchanged no message with any other role.`,
    "fragmented-network": (w) =>
      `The team's communication was fragmented (F = ${w("fragmentation")}): many roles could not reach each other.`,
    "solo-decision": (w) => `${w("role")} logged ${w("count")} decision(s) without involving any other agency.`,
    "decision-not-joint": (w) => `The decision “${w("decision")}” by ${w("role")} was never agreed by all of ${w("with")}.`,
    "methane-not-sent": () => "No METHANE report was sent although one was expected.",
    "methane-not-shared": (w) => `No METHANE report reached ${w("missing")}.`,
    "premature-public-message": (w) => `${w("role")} published on “${w("topic")}” before the lead agency had confirmed it.`,
    "contradicting-public-messages": (w) =>
      `${w("laterRole")} and ${w("earlierRole")} spoke to the public on “${w("topic")}” minutes apart without agreeing lines.`,
    "duplicated-task": (w) => `${w("secondRole")} did “${w("task")}” after ${w("firstRole")} had, without the two having spoken.`
  },
  action: {
    "expectations-on-time": null,
    "clear-ownership": null,
    "relays-complete": null,
    "network-connected": null,
    "joint-decisions": null,
    "methane-shared": null,
    "public-messages-consistent": null,
    "expectation-missed": (w) => `Make “${w("expectation")}” an explicit, owned step of the plan for this situation and rehearse it.`,
    "expectation-late": (w) => `Find what delayed “${w("expectation")}” (information, authority, resources) and pre-plan it.`,
    "wrong-role": (w) => `${w("lead")} and ${w("role")}: agree who leads “${w("expectation")}” and write it into the joint plan.`,
    unacknowledged: () => "Assign someone to watch and acknowledge incoming messages at all times.",
    "not-relayed": () => "Pass information other services need at once: agree who needs to know what.",
    "relay-late": () => "Pass information other services need as soon as it arrives.",
    "isolated-role": () => "Join the multi-agency picture: liaison officer, shared channel, co-location at the command post.",
    "fragmented-network": () => "Agree a shared channel and a briefing rhythm across agencies.",
    "solo-decision": () => "Take decisions that affect other services jointly with them.",
    "decision-not-joint": () => "Close joint decisions explicitly with the other commanders (Joint Decision Model).",
    "methane-not-sent": () => "First officer on scene of each service: send a METHANE report to all agencies.",
    "methane-not-shared": () => "Send every METHANE report to every responding agency.",
    "premature-public-message": () => "Check public statements against what the lead agency has confirmed before publishing.",
    "contradicting-public-messages": () => "Agree one voice and clear public lines jointly before publishing.",
    "duplicated-task": (w) => `${w("firstRole")} and ${w("secondRole")}: claim or assign tasks openly before acting.`
  }
};

const FR: FindingWords = {
  message: {
    "expectations-on-time": (w) => `${w("onTime")} actions attendues sur ${w("decided")} ont été réalisées dans les délais.`,
    "clear-ownership": (w) => `Les ${w("met")} actions attendues réalisées l'ont toutes été par le rôle censé les piloter.`,
    "relays-complete": (w) =>
      `Toutes les informations dont d'autres rôles avaient besoin (${w("relayed")}) leur ont été relayées dans les délais.`,
    "network-connected": (w) => `Chaque rôle a échangé avec les autres (fragmentation ${w("fragmentation")}).`,
    "joint-decisions": (w) => `${w("joint")} décision(s) ont été prises conjointement dans les délais.`,
    "methane-shared": (w) => `Les messages METHANE (${w("sent")}) ont atteint tous les rôles.`,
    "public-messages-consistent": (w) => `Tous les messages au public (${w("published")}) étaient confirmés et cohérents entre eux.`,
    "expectation-missed": (w) =>
      `Personne n'a réalisé l'action attendue « ${w("expectation")} » (inject « ${w("inject")} », pilotée par ${w("lead")}) en ${w("deadlineMin")} min.`,
    "expectation-late": (w) =>
      `« ${w("expectation")} » a été réalisée par ${w("role")} après ${w("latencyMin")} min pour une cible de ${w("targetMin")} min.`,
    "wrong-role": (w) => `« ${w("expectation")} » a été pilotée par ${w("role")} (${w("owner")}) au lieu de ${w("lead")}.`,
    unacknowledged: (w) => `${w("role")} n'a pas accusé réception de ${w("count")} inject(s) : ${w("injects")}.`,
    "not-relayed": (w) =>
      `${w("role")} avait besoin de l'information « ${w("inject")} », reçue par ${w("holders")}, et n'en a jamais été informé.`,
    "relay-late": (w) => `${w("role")} n'a été informé de « ${w("inject")} » par ${w("by")} qu'après ${w("latencyMin")} min.`,
    "isolated-role": (w) => `${w("role")} n'a échangé aucun message avec les autres rôles.`,
    "fragmented-network": (w) =>
      `La communication de l'équipe était fragmentée (F = ${w("fragmentation")}) : beaucoup de rôles ne pouvaient pas se joindre.`,
    "solo-decision": (w) => `${w("role")} a consigné ${w("count")} décision(s) sans associer aucune autre agence.`,
    "decision-not-joint": (w) =>
      `La décision « ${w("decision")} » de ${w("role")} n'a jamais été approuvée par tous (${w("with")}).`,
    "methane-not-sent": () => "Aucun message METHANE n'a été envoyé alors qu'il était attendu.",
    "methane-not-shared": (w) => `Aucun message METHANE n'a atteint ${w("missing")}.`,
    "premature-public-message": (w) =>
      `${w("role")} a communiqué sur « ${w("topic")} » avant que l'agence pilote ne l'ait confirmé.`,
    "contradicting-public-messages": (w) =>
      `${w("laterRole")} et ${w("earlierRole")} se sont adressés au public sur « ${w("topic")} » à quelques minutes d'écart sans s'accorder.`,
    "duplicated-task": (w) =>
      `${w("secondRole")} a fait « ${w("task")} » après ${w("firstRole")}, sans que les deux se soient parlé.`
  },
  action: {
    "expectations-on-time": null,
    "clear-ownership": null,
    "relays-complete": null,
    "network-connected": null,
    "joint-decisions": null,
    "methane-shared": null,
    "public-messages-consistent": null,
    "expectation-missed": (w) =>
      `Faire de « ${w("expectation")} » une étape explicite et attribuée du plan pour cette situation, et l'exercer.`,
    "expectation-late": (w) =>
      `Identifier ce qui a retardé « ${w("expectation")} » (information, autorité, moyens) et l'anticiper dans le plan.`,
    "wrong-role": (w) =>
      `${w("lead")} et ${w("role")} : convenir de qui pilote « ${w("expectation")} » et l'inscrire dans le plan commun.`,
    unacknowledged: () => "Désigner une personne chargée de suivre et d'accuser réception des messages entrants en permanence.",
    "not-relayed": () => "Transmettre sans délai les informations utiles aux autres services : convenir de qui doit savoir quoi.",
    "relay-late": () => "Transmettre aux autres services les informations dont ils ont besoin dès leur réception.",
    "isolated-role": () =>
      "Rejoindre la situation commune : officier de liaison, canal partagé, co-localisation au poste de commandement.",
    "fragmented-network": () => "Convenir d'un canal commun et d'un rythme de points de situation entre agences.",
    "solo-decision": () => "Prendre conjointement les décisions qui concernent d'autres services.",
    "decision-not-joint": () =>
      "Conclure explicitement les décisions conjointes avec les autres commandants (modèle de décision conjointe).",
    "methane-not-sent": () => "Premier intervenant de chaque service : envoyer un message METHANE à toutes les agences.",
    "methane-not-shared": () => "Adresser chaque message METHANE à toutes les agences engagées.",
    "premature-public-message": () =>
      "Vérifier les messages au public au regard de ce que l'agence pilote a confirmé avant de publier.",
    "contradicting-public-messages": () => "Parler d'une seule voix : convenir ensemble des éléments de langage avant de publier.",
    "duplicated-task": (w) =>
      `${w("firstRole")} et ${w("secondRole")} : prendre ou attribuer les tâches ouvertement avant d'agir.`
  }
};

export interface FindingText {
  message: string;
  action: string | null;
}

/** The finding's sentence and corrective action in the report's language. */
export function findingText(finding: Finding, strings: Strings, names: Names, format: Formatter): FindingText {
  const words = strings.language === "fr" ? FR : EN;
  const message = words.message[finding.code] as Sentence | undefined;
  if (message === undefined) return { message: finding.message, action: finding.action };
  const action = words.action[finding.code] ?? null;
  const w: Word = (key) => paramText(finding, key, strings, names, format);
  return { message: message(w), action: action === null ? null : action(w) };
}

function paramText(finding: Finding, key: string, strings: Strings, names: Names, format: Formatter): string {
  const value = finding.params[key];
  if (value === undefined) return "";
  const text = String(value);
  if (ROLE_PARAMS.has(key)) return names.role(text);
  if (ROLE_LIST_PARAMS.has(key)) return names.roleList(text);
  if (NUMBER_PARAMS.has(key) && typeof value === "number") return format.decimal(value, key === "fragmentation" ? 2 : 1);
  switch (key) {
    case "inject":
      return names.inject(text);
    case "injects":
      return text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .map((id) => (strings.language === "fr" ? `« ${names.inject(id)} »` : `“${names.inject(id)}”`))
        .join(", ");
    case "expectation":
      return names.expectation(text);
    case "task":
      return names.task(text);
    case "decision":
      return names.decision(text);
    case "owner":
      return text === "support" || text === "other" || text === "lead" ? strings.owner[text] : text;
    default:
      return text;
  }
}
