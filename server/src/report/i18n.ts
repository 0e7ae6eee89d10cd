/**
 * The report's own words in English and French. Every label the HTML report prints comes from here (scenario
 * texts come localised from the scenario itself), so a French exercise gets a wholly French report. Exercises in
 * a language the report has no words for get English labels around their own scenario texts.
 */
import type { EventType } from "../core/engine/events.ts";
import type { ActionKindId, ChannelId, CordonLevel, JesipPrinciple } from "../core/scenario/schema.ts";
import type { Dimension } from "../core/scoring/scorecard.ts";

export type ReportLanguage = "en" | "fr";

export interface Strings {
  language: ReportLanguage;
  /** Decimal separator of the language. */
  decimal: string;
  /** What goes between a number and "%" (French puts a narrow no-break space). */
  percentSpace: string;
  /** A colon with the language's spacing (French puts a no-break space before it). */
  colon: string;
  minutes: string;
  notAssessed: string;
  none: string;
  wholeTeam: string;
  more: (n: number) => string;

  title: string;
  contents: string;
  meta: {
    exercise: string;
    scenario: string;
    language: string;
    date: string;
    duration: string;
    status: string;
    final: string;
    inProgress: (clock: string) => string;
    events: string;
    seed: string;
  };
  sections: {
    summary: string;
    timeline: string;
    responseTimes: string;
    coordination: string;
    division: string;
    improvementPlan: string;
    strengths: string;
    breakdowns: string;
    notes: string;
  };
  summary: {
    overall: string;
    weight: string;
    component: string;
    value: string;
    keyFigures: string;
    expectationsOnTime: (onTime: number, decided: number) => string;
    expectationsMissed: (missed: number) => string;
    relayed: (relayed: number, needed: number) => string;
    isolated: (count: number) => string;
    duplicates: (count: number) => string;
    howToRead: string;
    thresholds: (w: Record<string, string>) => string;
  };
  dimensions: Record<Dimension, string>;
  components: {
    speed: { expectations: string; acknowledgements: string };
    coordination: { relays: string; network: string; decisions: string; methane: string; publicMessages: string };
    division: { ownership: string; gaps: string; duplication: string; balance: string; specialisation: string };
  };
  timeline: {
    intro: string;
    axis: string;
    legendInject: string;
    legendAck: string;
    legendMessage: string;
    legendOperation: string;
    legendMet: string;
    legendMissed: string;
    tableTitle: string;
    time: string;
    role: string;
    event: string;
    acknowledgedBy: string;
    notAcknowledgedBy: string;
    noEvents: string;
  };
  response: {
    intro: (ackTarget: string) => string;
    role: string;
    acknowledgements: string;
    expectationsLed: string;
    count: string;
    median: string;
    p90: string;
    met: string;
    onTime: string;
    missed: string;
    pending: string;
    onTimeShare: string;
    speedScore: string;
    allRoles: string;
    chartTitle: string;
    chartLate: string;
    target: string;
    deadline: string;
    latency: string;
    noExpectations: string;
  };
  coordination: {
    networkTitle: string;
    networkIntro: string;
    fragmentation: string;
    messages: string;
    isolated: string;
    isolatedRoles: string;
    sent: string;
    received: string;
    contacts: string;
    reach: string;
    relaysTitle: string;
    inject: string;
    neededBy: string;
    receivedBy: string;
    status: string;
    relayedBy: string;
    delay: string;
    noRelays: string;
    decisionsTitle: string;
    decision: string;
    with: string;
    timeToJoint: string;
    noDecisions: string;
    methaneTitle: string;
    methaneSummary: (sent: number, reached: string, coverage: string) => string;
    methaneNone: (expected: boolean) => string;
    publicTitle: string;
    channel: string;
    topic: string;
    message: string;
    assessment: string;
    consistent: string;
    premature: (confirmedBy: string | null) => string;
    contradicting: string;
    noPublic: string;
  };
  division: {
    ownershipTitle: string;
    ownership: (met: number, lead: number, support: number, other: number) => string;
    gaps: (missed: number, decided: number) => string;
    workloadTitle: string;
    expectedShare: string;
    carriedShare: string;
    taskActions: string;
    gini: (expected: string, carried: string) => string;
    matrixTitle: string;
    matrixIntro: string;
    task: string;
    total: string;
    specialisation: (spec: string, nmi: string) => string;
    noTasks: string;
    duplicatesTitle: string;
    firstDoer: string;
    secondDoer: string;
    noDuplicates: string;
  };
  plan: {
    intro: string;
    number: string;
    finding: string;
    evidence: string;
    action: string;
    owner: string;
    dimension: string;
    empty: string;
  };
  strengths: { empty: string };
  breakdowns: {
    byPhase: string;
    byJesip: string;
    byRole: string;
    phase: string;
    principle: string;
    role: string;
    expectations: string;
    met: string;
    missed: string;
    pending: string;
    acknowledgements: string;
    relays: string;
    duplicates: string;
  };
  notes: {
    author: string;
    text: string;
    empty: string;
    kind: { facilitator: string; evaluator: string };
  };
  status: {
    met: string;
    missed: string;
    pending: string;
    notReleased: string;
    acknowledged: string;
    unacknowledged: string;
    relayed: string;
    notRelayed: string;
    joint: string;
    solo: string;
    notJoint: string;
  };
  owner: { lead: string; support: string; other: string };
  jesip: Record<JesipPrinciple, string>;
  eventTypes: Record<EventType, string>;
  actions: Record<ActionKindId, string>;
  channels: Record<ChannelId, string>;
  cordonLevels: Record<CordonLevel, string>;
}

const EN: Strings = {
  language: "en",
  decimal: ".",
  percentSpace: "",
  colon: ": ",
  minutes: "min",
  notAssessed: "n/a",
  none: "none",
  wholeTeam: "whole team",
  more: (n) => `and ${n} more`,

  title: "After-action report",
  contents: "Contents",
  meta: {
    exercise: "Exercise",
    scenario: "Scenario",
    language: "Language",
    date: "Date",
    duration: "Exercise time",
    status: "Status",
    final: "ended (final score)",
    inProgress: (clock) => `in progress (score as of ${clock})`,
    events: "Events in the log",
    seed: "Seed"
  },
  sections: {
    summary: "Summary",
    timeline: "Timeline",
    responseTimes: "Response times",
    coordination: "Coordination",
    division: "Division of labour",
    improvementPlan: "Improvement plan",
    strengths: "Strengths",
    breakdowns: "Breakdowns",
    notes: "Facilitator and evaluator notes"
  },
  summary: {
    overall: "Overall index",
    weight: "weight",
    component: "Component",
    value: "Value",
    keyFigures: "Key figures",
    expectationsOnTime: (onTime, decided) => `${onTime} of ${decided} expected actions taken on time`,
    expectationsMissed: (missed) => `${missed} expected action(s) nobody took`,
    relayed: (relayed, needed) => `${relayed} of ${needed} pieces of needed information relayed`,
    isolated: (count) => `${count} isolated role(s)`,
    duplicates: (count) => `${count} duplicated task(s)`,
    howToRead:
      "Scores run from 0 to 100 and are computed from the event log only; every item below cites the events behind it " +
      "(exercise time, role, inject). The overall index is the weighted mean of the three dimensions with the " +
      "scenario's weights; a dimension with nothing to judge is left out.",
    thresholds: (w) =>
      `Thresholds: acknowledgements full credit within ${w.ackTarget}, none after ${w.ackDeadline}; relays within ` +
      `${w.relayTarget}, none after ${w.relayDeadline}; joint decisions within ${w.jointTarget}, none after ` +
      `${w.jointDeadline}. Expected actions use each expectation's own target and deadline.`
  },
  dimensions: { speed: "Speed", coordination: "Coordination", division: "Division of labour" },
  components: {
    speed: { expectations: "Expected actions on time", acknowledgements: "Acknowledgements" },
    coordination: {
      relays: "Information relayed",
      network: "Communication network (1 − F)",
      decisions: "Joint decisions",
      methane: "METHANE reach",
      publicMessages: "Public messages"
    },
    division: {
      ownership: "Led by the right role",
      gaps: "No gaps",
      duplication: "No duplicated effort",
      balance: "Workload balance",
      specialisation: "Specialisation"
    }
  },
  timeline: {
    intro: "One lane per role: injects received, acknowledgements, messages and operational actions, in exercise time.",
    axis: "minutes since STARTEX",
    legendInject: "inject received",
    legendAck: "acknowledgement",
    legendMessage: "message or decision",
    legendOperation: "operational action",
    legendMet: "expected action met",
    legendMissed: "expectation missed",
    tableTitle: "Injects and actions",
    time: "Time",
    role: "Role",
    event: "Event",
    acknowledgedBy: "acknowledgements",
    notAcknowledgedBy: "none",
    noEvents: "Nothing happened yet."
  },
  response: {
    intro: (ackTarget) =>
      `Acknowledgement times of injects each role received (target ${ackTarget}) and times to take the expected ` +
      "actions each role leads, against their targets. Medians and 90th percentiles are observed values.",
    role: "Role",
    acknowledgements: "Acknowledgements",
    expectationsLed: "Expected actions led",
    count: "count",
    median: "median",
    p90: "p90",
    met: "met",
    onTime: "on time",
    missed: "missed",
    pending: "pending",
    onTimeShare: "on-time share",
    speedScore: "Speed score",
    allRoles: "All roles",
    chartTitle: "Time to take each expected action, against its target and deadline",
    chartLate: "late",
    target: "target",
    deadline: "deadline",
    latency: "time taken",
    noExpectations: "No expected action has been released yet."
  },
  coordination: {
    networkTitle: "Communication network",
    networkIntro:
      "Roles are the nodes; a line joins two roles that exchanged messages (information shared, METHANE, " +
      "decisions, agreements, task assignments), thicker for more messages.",
    fragmentation: "Fragmentation F",
    messages: "messages",
    isolated: "isolated",
    isolatedRoles: "Isolated roles",
    sent: "sent",
    received: "received",
    contacts: "contacts",
    reach: "reach",
    relaysTitle: "Information other roles needed",
    inject: "Inject",
    neededBy: "Needed by",
    receivedBy: "Received by",
    status: "Status",
    relayedBy: "Relayed by",
    delay: "Delay",
    noRelays: "No inject released so far was needed by a role that did not receive it.",
    decisionsTitle: "Decisions",
    decision: "Decision",
    with: "With",
    timeToJoint: "Time to agree",
    noDecisions: "No decision was logged.",
    methaneTitle: "METHANE reports",
    methaneSummary: (sent, reached, coverage) => `${sent} report(s) sent; reached ${reached} (${coverage} of the roles).`,
    methaneNone: (expected) => (expected ? "No METHANE report was sent although one was expected." : "No METHANE report was sent."),
    publicTitle: "Public messages",
    channel: "Channel",
    topic: "Topic",
    message: "Message",
    assessment: "Assessment",
    consistent: "consistent",
    premature: (confirmedBy) => (confirmedBy ? `premature (confirmed later by ${confirmedBy})` : "premature (not confirmed)"),
    contradicting: "contradicts another agency",
    noPublic: "No public message was published."
  },
  division: {
    ownershipTitle: "Ownership and gaps",
    ownership: (met, lead, support, other) =>
      `${met} expected action(s) met: ${lead} by their lead role, ${support} by a supporting role, ${other} by another role.`,
    gaps: (missed, decided) => `${missed} of ${decided} decided expectations were missed (gaps).`,
    workloadTitle: "Workload",
    expectedShare: "Planned share",
    carriedShare: "Share carried",
    taskActions: "Task actions",
    gini: (expected, carried) => `Concentration of work (Gini, 0 = even): planned ${expected}, carried ${carried}.`,
    matrixTitle: "Role × task matrix",
    matrixIntro: "How many times each role acted on each task; darker cells hold more actions.",
    task: "Task",
    total: "Total",
    specialisation: (spec, nmi) => `Specialisation (uncertainty coefficient) ${spec}; normalised mutual information ${nmi}.`,
    noTasks: "No task action yet.",
    duplicatesTitle: "Duplicated effort",
    firstDoer: "Done first by",
    secondDoer: "Done again by",
    noDuplicates: "No task was duplicated."
  },
  plan: {
    intro: "Areas for improvement, each with the events behind it, a suggested corrective action and the role that should own it.",
    number: "#",
    finding: "Finding",
    evidence: "Evidence",
    action: "Suggested corrective action",
    owner: "Owner",
    dimension: "Dimension",
    empty: "No area for improvement was found."
  },
  strengths: { empty: "No particular strength was found." },
  breakdowns: {
    byPhase: "By phase",
    byJesip: "By JESIP principle",
    byRole: "By role",
    phase: "Phase",
    principle: "Principle",
    role: "Role",
    expectations: "Expectations",
    met: "Met",
    missed: "Missed",
    pending: "Pending",
    acknowledgements: "Acks",
    relays: "Relays",
    duplicates: "Duplicates"
  },
  notes: {
    author: "Author",
    text: "Note",
    empty: "No note was taken during the exercise.",
    kind: { facilitator: "facilitator", evaluator: "evaluator" }
  },
  status: {
    met: "met",
    missed: "missed",
    pending: "pending",
    notReleased: "not released",
    acknowledged: "acknowledged",
    unacknowledged: "not acknowledged",
    relayed: "relayed",
    notRelayed: "not relayed",
    joint: "joint",
    solo: "taken alone",
    notJoint: "never agreed"
  },
  owner: { lead: "lead role", support: "supporting role", other: "another role" },
  jesip: {
    "co-locate": "Co-locate",
    communicate: "Communicate",
    "co-ordinate": "Co-ordinate",
    "jointly-understand-risk": "Jointly understand risk",
    "shared-situational-awareness": "Shared situational awareness"
  },
  eventTypes: {
    "exercise-created": "exercise created",
    "exercise-started": "STARTEX",
    "exercise-paused": "paused",
    "exercise-resumed": "resumed",
    "speed-changed": "speed changed",
    "exercise-ended": "ENDEX",
    "phase-changed": "phase changed",
    "clock-jumped": "clock jumped",
    "inject-released": "inject released",
    "inject-scheduled": "inject scheduled",
    "inject-skipped": "inject skipped",
    "live-inject": "live inject",
    "note-added": "note",
    acknowledged: "acknowledged",
    "info-shared": "information shared",
    "unit-dispatched": "unit dispatched",
    "unit-arrived": "unit arrived",
    "cordon-set": "cordon set",
    "cordon-lifted": "cordon lifted",
    "evacuation-ordered": "evacuation ordered",
    "zone-evacuated": "zone evacuated",
    "road-closed": "road closed",
    "road-opened": "road reopened",
    "resources-requested": "resources requested",
    "task-claimed": "task claimed",
    "task-assigned": "task assigned",
    "decision-logged": "decision logged",
    "decision-agreed": "decision agreed",
    "decision-joint": "joint decision",
    "methane-sent": "METHANE sent",
    "public-message": "public message",
    "expectation-met": "expectation met",
    "expectation-missed": "expectation missed",
    "branch-resolved": "branch resolved",
    "zone-state-changed": "zone state changed",
    "casualties-changed": "casualties changed",
    "crowd-changed": "crowd changed",
    "marker-placed": "marker placed"
  },
  actions: {
    acknowledge: "Acknowledge",
    share: "Share information",
    deploy: "Deploy",
    "set-cordon": "Set cordon",
    "lift-cordon": "Lift cordon",
    evacuate: "Evacuate",
    "close-road": "Close road",
    "open-road": "Reopen road",
    "request-resources": "Request resources",
    "claim-task": "Claim task",
    "assign-task": "Assign task",
    decision: "Decision",
    methane: "METHANE report",
    "public-message": "Public message"
  },
  channels: {
    radio: "radio",
    phone: "phone",
    email: "email",
    "social-media": "social media",
    press: "press",
    cctv: "CCTV",
    sensor: "sensor",
    "citizen-report": "citizen report",
    briefing: "briefing"
  },
  cordonLevels: { hot: "hot", warm: "warm", cold: "cold", outer: "outer" }
};

const FR: Strings = {
  language: "fr",
  decimal: ",",
  percentSpace: "\u202f",
  colon: "\u00a0: ",
  minutes: "min",
  notAssessed: "s.o.",
  none: "aucun",
  wholeTeam: "toute l'équipe",
  more: (n) => `et ${n} de plus`,

  title: "Rapport après action (RETEX)",
  contents: "Sommaire",
  meta: {
    exercise: "Exercice",
    scenario: "Scénario",
    language: "Langue",
    date: "Date",
    duration: "Temps d'exercice",
    status: "État",
    final: "terminé (score final)",
    inProgress: (clock) => `en cours (score à ${clock})`,
    events: "Événements du journal",
    seed: "Graine"
  },
  sections: {
    summary: "Synthèse",
    timeline: "Chronologie",
    responseTimes: "Délais de réponse",
    coordination: "Coordination",
    division: "Répartition des tâches",
    improvementPlan: "Plan d'amélioration",
    strengths: "Points forts",
    breakdowns: "Ventilations",
    notes: "Notes de l'animateur et des évaluateurs"
  },
  summary: {
    overall: "Indice global",
    weight: "pondération",
    component: "Composante",
    value: "Valeur",
    keyFigures: "Chiffres clés",
    expectationsOnTime: (onTime, decided) => `${onTime} actions attendues sur ${decided} réalisées dans les délais`,
    expectationsMissed: (missed) => `${missed} action(s) attendue(s) que personne n'a réalisée(s)`,
    relayed: (relayed, needed) => `${relayed} information(s) nécessaire(s) relayée(s) sur ${needed}`,
    isolated: (count) => `${count} rôle(s) isolé(s)`,
    duplicates: (count) => `${count} tâche(s) faite(s) en double`,
    howToRead:
      "Les scores vont de 0 à 100 et sont calculés uniquement à partir du journal d'événements ; chaque élément " +
      "ci-dessous cite les événements qui le fondent (temps d'exercice, rôle, inject). L'indice global est la " +
      "moyenne des trois dimensions pondérée selon le scénario ; une dimension sans rien à évaluer est écartée.",
    thresholds: (w) =>
      `Seuils : accusés de réception, crédit plein sous ${w.ackTarget}, nul après ${w.ackDeadline} ; relais sous ` +
      `${w.relayTarget}, nul après ${w.relayDeadline} ; décisions conjointes sous ${w.jointTarget}, nul après ` +
      `${w.jointDeadline}. Les actions attendues ont chacune leur propre cible et échéance.`
  },
  dimensions: { speed: "Rapidité", coordination: "Coordination", division: "Répartition des tâches" },
  components: {
    speed: { expectations: "Actions attendues dans les délais", acknowledgements: "Accusés de réception" },
    coordination: {
      relays: "Informations relayées",
      network: "Réseau de communication (1 − F)",
      decisions: "Décisions conjointes",
      methane: "Diffusion METHANE",
      publicMessages: "Messages au public"
    },
    division: {
      ownership: "Menées par le bon rôle",
      gaps: "Aucun manque",
      duplication: "Aucun doublon",
      balance: "Équilibre de la charge",
      specialisation: "Spécialisation"
    }
  },
  timeline: {
    intro:
      "Une ligne par rôle : injects reçus, accusés de réception, messages et actions opérationnelles, en temps d'exercice.",
    axis: "minutes depuis le STARTEX",
    legendInject: "inject reçu",
    legendAck: "accusé de réception",
    legendMessage: "message ou décision",
    legendOperation: "action opérationnelle",
    legendMet: "action attendue réalisée",
    legendMissed: "attente manquée",
    tableTitle: "Injects et actions",
    time: "Heure",
    role: "Rôle",
    event: "Événement",
    acknowledgedBy: "accusés de réception",
    notAcknowledgedBy: "aucun",
    noEvents: "Rien ne s'est encore passé."
  },
  response: {
    intro: (ackTarget) =>
      `Délais d'accusé de réception des injects reçus par chaque rôle (cible ${ackTarget}) et délais de réalisation ` +
      "des actions attendues que chaque rôle pilote, comparés à leurs cibles. Médianes et 90e centiles sont des " +
      "valeurs observées.",
    role: "Rôle",
    acknowledgements: "Accusés de réception",
    expectationsLed: "Actions attendues pilotées",
    count: "nombre",
    median: "médiane",
    p90: "p90",
    met: "réalisées",
    onTime: "à temps",
    missed: "manquées",
    pending: "en attente",
    onTimeShare: "part à temps",
    speedScore: "Score de rapidité",
    allRoles: "Tous les rôles",
    chartTitle: "Délai de chaque action attendue, comparé à sa cible et à son échéance",
    chartLate: "en retard",
    target: "cible",
    deadline: "échéance",
    latency: "délai",
    noExpectations: "Aucune action attendue n'a encore été déclenchée."
  },
  coordination: {
    networkTitle: "Réseau de communication",
    networkIntro:
      "Les rôles sont les nœuds ; un trait relie deux rôles qui ont échangé des messages (informations partagées, " +
      "METHANE, décisions, accords, attributions de tâches), d'autant plus épais qu'ils sont nombreux.",
    fragmentation: "Fragmentation F",
    messages: "messages",
    isolated: "isolé",
    isolatedRoles: "Rôles isolés",
    sent: "envoyés",
    received: "reçus",
    contacts: "contacts",
    reach: "portée",
    relaysTitle: "Informations dont d'autres rôles avaient besoin",
    inject: "Inject",
    neededBy: "Nécessaire à",
    receivedBy: "Reçu par",
    status: "État",
    relayedBy: "Relayé par",
    delay: "Délai",
    noRelays: "Aucun inject diffusé jusqu'ici n'était nécessaire à un rôle qui ne l'a pas reçu.",
    decisionsTitle: "Décisions",
    decision: "Décision",
    with: "Avec",
    timeToJoint: "Délai d'accord",
    noDecisions: "Aucune décision n'a été consignée.",
    methaneTitle: "Messages METHANE",
    methaneSummary: (sent, reached, coverage) =>
      `${sent} message(s) envoyé(s) ; ont atteint ${reached} (${coverage} des rôles).`,
    methaneNone: (expected) =>
      expected ? "Aucun message METHANE n'a été envoyé alors qu'il était attendu." : "Aucun message METHANE n'a été envoyé.",
    publicTitle: "Messages au public",
    channel: "Canal",
    topic: "Sujet",
    message: "Message",
    assessment: "Appréciation",
    consistent: "cohérent",
    premature: (confirmedBy) =>
      confirmedBy ? `prématuré (confirmé plus tard par ${confirmedBy})` : "prématuré (non confirmé)",
    contradicting: "contredit une autre agence",
    noPublic: "Aucun message n'a été publié."
  },
  division: {
    ownershipTitle: "Responsabilités et manques",
    ownership: (met, lead, support, other) =>
      `${met} action(s) attendue(s) réalisée(s) : ${lead} par leur rôle pilote, ${support} par un rôle en appui, ${other} par un autre rôle.`,
    gaps: (missed, decided) => `${missed} attente(s) manquée(s) sur ${decided} échues (manques).`,
    workloadTitle: "Charge de travail",
    expectedShare: "Part prévue",
    carriedShare: "Part assumée",
    taskActions: "Actions sur tâches",
    gini: (expected, carried) => `Concentration du travail (Gini, 0 = égal) : prévue ${expected}, assumée ${carried}.`,
    matrixTitle: "Matrice rôles × tâches",
    matrixIntro: "Nombre d'actions de chaque rôle sur chaque tâche ; plus la case est foncée, plus il y en a.",
    task: "Tâche",
    total: "Total",
    specialisation: (spec, nmi) =>
      `Spécialisation (coefficient d'incertitude) ${spec} ; information mutuelle normalisée ${nmi}.`,
    noTasks: "Aucune action sur une tâche pour l'instant.",
    duplicatesTitle: "Efforts en double",
    firstDoer: "Fait d'abord par",
    secondDoer: "Refait par",
    noDuplicates: "Aucune tâche n'a été faite en double."
  },
  plan: {
    intro:
      "Axes d'amélioration, chacun avec les événements qui le fondent, une action corrective suggérée et le rôle qui devrait la porter.",
    number: "n°",
    finding: "Constat",
    evidence: "Éléments factuels",
    action: "Action corrective suggérée",
    owner: "Responsable",
    dimension: "Dimension",
    empty: "Aucun axe d'amélioration n'a été relevé."
  },
  strengths: { empty: "Aucun point fort particulier n'a été relevé." },
  breakdowns: {
    byPhase: "Par phase",
    byJesip: "Par principe JESIP",
    byRole: "Par rôle",
    phase: "Phase",
    principle: "Principe",
    role: "Rôle",
    expectations: "Attentes",
    met: "Réalisées",
    missed: "Manquées",
    pending: "En attente",
    acknowledgements: "Accusés",
    relays: "Relais",
    duplicates: "Doublons"
  },
  notes: {
    author: "Auteur",
    text: "Note",
    empty: "Aucune note n'a été prise pendant l'exercice.",
    kind: { facilitator: "animateur", evaluator: "évaluateur" }
  },
  status: {
    met: "réalisée",
    missed: "manquée",
    pending: "en attente",
    notReleased: "non diffusé",
    acknowledged: "accusé de réception",
    unacknowledged: "sans accusé de réception",
    relayed: "relayée",
    notRelayed: "non relayée",
    joint: "conjointe",
    solo: "prise seul",
    notJoint: "jamais approuvée"
  },
  owner: { lead: "rôle pilote", support: "rôle en appui", other: "autre rôle" },
  jesip: {
    "co-locate": "Se co-localiser",
    communicate: "Communiquer",
    "co-ordinate": "Se coordonner",
    "jointly-understand-risk": "Comprendre ensemble le risque",
    "shared-situational-awareness": "Partager la connaissance de la situation"
  },
  eventTypes: {
    "exercise-created": "exercice créé",
    "exercise-started": "STARTEX",
    "exercise-paused": "pause",
    "exercise-resumed": "reprise",
    "speed-changed": "vitesse modifiée",
    "exercise-ended": "ENDEX",
    "phase-changed": "changement de phase",
    "clock-jumped": "saut d'horloge",
    "inject-released": "inject diffusé",
    "inject-scheduled": "inject programmé",
    "inject-skipped": "inject sauté",
    "live-inject": "inject en direct",
    "note-added": "note",
    acknowledged: "accusé de réception",
    "info-shared": "information partagée",
    "unit-dispatched": "unité engagée",
    "unit-arrived": "unité arrivée",
    "cordon-set": "périmètre établi",
    "cordon-lifted": "périmètre levé",
    "evacuation-ordered": "évacuation ordonnée",
    "zone-evacuated": "zone évacuée",
    "road-closed": "route fermée",
    "road-opened": "route rouverte",
    "resources-requested": "renforts demandés",
    "task-claimed": "tâche prise en charge",
    "task-assigned": "tâche attribuée",
    "decision-logged": "décision consignée",
    "decision-agreed": "décision approuvée",
    "decision-joint": "décision conjointe",
    "methane-sent": "METHANE envoyé",
    "public-message": "message au public",
    "expectation-met": "attente réalisée",
    "expectation-missed": "attente manquée",
    "branch-resolved": "embranchement résolu",
    "zone-state-changed": "état de zone modifié",
    "casualties-changed": "bilan des victimes modifié",
    "crowd-changed": "foule modifiée",
    "marker-placed": "repère placé"
  },
  actions: {
    acknowledge: "Accuser réception",
    share: "Partager une information",
    deploy: "Engager",
    "set-cordon": "Établir un périmètre",
    "lift-cordon": "Lever un périmètre",
    evacuate: "Évacuer",
    "close-road": "Fermer une route",
    "open-road": "Rouvrir une route",
    "request-resources": "Demander des renforts",
    "claim-task": "Prendre une tâche",
    "assign-task": "Attribuer une tâche",
    decision: "Décision",
    methane: "Message METHANE",
    "public-message": "Message au public"
  },
  channels: {
    radio: "radio",
    phone: "téléphone",
    email: "courriel",
    "social-media": "réseaux sociaux",
    press: "presse",
    cctv: "vidéoprotection",
    sensor: "capteur",
    "citizen-report": "signalement citoyen",
    briefing: "point de situation"
  },
  cordonLevels: { hot: "chaud", warm: "tiède", cold: "froid", outer: "extérieur" }
};

/** The report's words for an exercise language: French for "fr", English otherwise. */
export function stringsFor(language: string): Strings {
  return language === "fr" ? FR : EN;
}

export const REPORT_LANGUAGES: readonly ReportLanguage[] = ["en", "fr"];
