/**
 * The lobby: players join with a code, a name and a role (seats already taken are listed); a facilitator creates
 * an exercise from the library or from an uploaded YAML/JSON scenario (problems listed with their line and
 * column), or comes back to one with its code and facilitator key. Plain HTML forms: labels, Enter submits, and
 * every error is written next to the form and announced.
 */
import { label, language, t } from "../i18n/i18n.ts";
import { ApiError, createExercise, listScenarios, lobbyByCode, parseProblem } from "../net/api.ts";
import type { ScenarioChoice } from "../net/api.ts";
import { ExerciseSession } from "../net/session.ts";
import type { JoinRequest } from "../net/session.ts";
import type { LobbyInfo, ScenarioSummary } from "../net/wire.ts";
import type { App, Screen } from "./app.ts";
import { clear, h, setOptions, uid } from "./dom.ts";
import { field } from "./forms.ts";
import { preferenceControls } from "./header.ts";

const WATCH_ROLES = ["observer", "evaluator", "screen"] as const;

function localised(text: Record<string, string>, lang: string): string {
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formError(): HTMLElement {
  return h("p", { class: "form-error", attrs: { role: "alert" } });
}

function showError(el: HTMLElement, text: string): void {
  el.textContent = text;
}

export function lobbyScreen(app: App, presetCode?: string): Screen {
  const lang = language();
  let lobby: LobbyInfo | undefined;
  let lookedUp = "";

  // ---- join ----
  const code = h("input", {
    id: "join-code",
    attrs: { name: "code", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", required: true, maxlength: 20 }
  });
  if (presetCode) code.value = presetCode;
  const name = h("input", { id: "join-name", attrs: { name: "name", autocomplete: "name", required: true, maxlength: 60 } });
  const role = h("select", { id: "join-role", attrs: { name: "role", required: true } });
  const info = h("div", { class: "lobby-info", attrs: { "aria-live": "polite" } });
  const joinError = formError();
  const joinButton = h("button", { class: "button-primary", text: t("lobby.join"), attrs: { type: "submit" } });

  const fillRoles = (found: LobbyInfo | undefined): void => {
    const previous = role.value;
    clear(role);
    role.appendChild(h("option", { text: t("form.chooseOne"), attrs: { value: "" } }));
    if (found && found.roles.length > 0) {
      const group = h("optgroup", { attrs: { label: t("lobby.roleGroupScenario") } });
      for (const r of found.roles) {
        const taken = r.seats.length > 0 ? ` — ${r.seats.map((s) => s.name).join(", ")}` : "";
        group.appendChild(h("option", { text: `${r.name} (${label("roleKind", r.kind)})${taken}`, attrs: { value: r.id } }));
      }
      role.appendChild(group);
    }
    const watch = h("optgroup", { attrs: { label: t("lobby.roleGroupWatch") } });
    for (const w of WATCH_ROLES) watch.appendChild(h("option", { text: t(`lobby.role.${w}`), attrs: { value: w } }));
    role.appendChild(watch);
    role.value = previous;
  };

  const showLobby = (found: LobbyInfo): void => {
    clear(info);
    const seats = h("ul", { class: "seat-list" });
    for (const r of found.roles) {
      const names = r.seats.map((s) => `${s.name}${s.connected ? "" : ` (${t("fac.seatAway")})`}`);
      seats.appendChild(
        h(
          "li",
          {},
          h("span", { class: `role-chip kind-${r.kind}`, text: r.name }),
          " ",
          h("span", { class: names.length ? "" : "muted", text: names.length ? names.join(", ") : "—" })
        )
      );
    }
    for (const w of found.watchers) {
      seats.appendChild(h("li", {}, h("span", { class: "role-chip", text: label("seatKind", w.role) }), " ", w.name));
    }
    info.append(
      h("p", { class: "lobby-title", text: t("lobby.found", { title: found.title }) }),
      h("p", { class: "muted", text: t("lobby.status", { status: label("status", found.status) }) }),
      h("h3", { text: t("lobby.seatsTaken") }),
      seats
    );
  };

  const lookUp = async (): Promise<boolean> => {
    const value = code.value.trim();
    if (!value) {
      showError(joinError, t("lobby.codeRequired"));
      code.focus();
      return false;
    }
    if (lobby && lookedUp === value) return true;
    try {
      lobby = await lobbyByCode(value);
      lookedUp = value;
      showError(joinError, "");
      showLobby(lobby);
      fillRoles(lobby);
      return true;
    } catch (error) {
      lobby = undefined;
      lookedUp = "";
      clear(info);
      fillRoles(undefined);
      showError(joinError, t("lobby.lookupFailed", { reason: reasonOf(error) }));
      return false;
    }
  };

  const find = h("button", { class: "button-quiet", text: t("lobby.check"), attrs: { type: "button" }, on: { click: () => void lookUp() } });
  code.addEventListener("change", () => void lookUp());

  const joinForm = h(
    "form",
    { class: "card", id: "join-form", attrs: { novalidate: true, "aria-labelledby": "join-heading" } },
    h("h2", { id: "join-heading", text: t("lobby.title") }),
    h("p", { class: "intro", text: t("lobby.intro") }),
    h("div", { class: "field-row" }, field(t("lobby.code"), code, t("lobby.codeHint")), find),
    info,
    field(t("lobby.name"), name),
    field(t("lobby.role"), role),
    joinError,
    joinButton
  );
  fillRoles(undefined);

  const join = async (request: JoinRequest, button: HTMLButtonElement, errorEl: HTMLElement): Promise<void> => {
    button.disabled = true;
    const original = button.textContent;
    button.textContent = t("lobby.joining");
    try {
      const session = await ExerciseSession.join(request);
      await app.enter(session);
    } catch (error) {
      showError(errorEl, t("lobby.joinFailed", { reason: reasonOf(error) }));
      button.disabled = false;
      button.textContent = original;
    }
  };

  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      if (!(await lookUp())) return;
      if (!name.value.trim() && role.value !== "screen") {
        showError(joinError, t("lobby.nameRequired"));
        name.focus();
        return;
      }
      if (!role.value) {
        showError(joinError, t("lobby.roleRequired"));
        role.focus();
        return;
      }
      showError(joinError, "");
      const request: JoinRequest = { joinCode: code.value.trim(), role: role.value };
      if (name.value.trim()) request.name = name.value.trim();
      await join(request, joinButton, joinError);
    })();
  });

  // ---- create ----
  let scenarios: ScenarioSummary[] = [];
  const sourceName = uid("source");
  const fromLibrary = h("input", { id: "source-library", attrs: { type: "radio", name: sourceName, value: "library", checked: true } });
  const fromFile = h("input", { id: "source-file", attrs: { type: "radio", name: sourceName, value: "file" } });
  const scenarioSelect = h("select", { id: "create-scenario", attrs: { name: "scenario" } });
  const scenarioSummary = h("p", { class: "muted scenario-summary" });
  const file = h("input", { id: "create-file", attrs: { type: "file", name: "file", accept: ".yaml,.yml,.json,application/yaml,application/json,text/yaml" } });
  const createLanguage = h("select", { id: "create-language", attrs: { name: "language" } });
  const libraryField = field(t("create.scenario"), scenarioSelect);
  const fileField = field(t("create.file"), file);
  fileField.hidden = true;
  const problems = h("div", { class: "problems", attrs: { "aria-live": "polite" } });
  const createError = formError();
  const createButton = h("button", { class: "button-primary", text: t("create.create"), attrs: { type: "submit" } });

  const chosenScenario = (): ScenarioSummary | undefined => scenarios.find((s) => s.id === scenarioSelect.value);

  const refreshLanguages = (): void => {
    const s = fromLibrary.checked ? chosenScenario() : undefined;
    const langs = s ? s.languages : ["en", "fr"];
    setOptions(
      createLanguage,
      langs.map((l) => ({ value: l, label: l === "en" || l === "fr" ? t(`lang.${l}`) : l }))
    );
    if (langs.includes(lang)) createLanguage.value = lang;
    if (s) {
      scenarioSummary.textContent = `${localised(s.summary, lang)} — ${t("create.summary", { duration: s.duration, roles: s.roles.length, injects: s.injects })}`;
    } else scenarioSummary.textContent = "";
  };

  const refreshSource = (): void => {
    libraryField.hidden = !fromLibrary.checked;
    scenarioSummary.hidden = !fromLibrary.checked;
    fileField.hidden = !fromFile.checked;
    refreshLanguages();
  };
  fromLibrary.addEventListener("change", refreshSource);
  fromFile.addEventListener("change", refreshSource);
  scenarioSelect.addEventListener("change", refreshLanguages);

  void listScenarios()
    .then((list) => {
      scenarios = list.scenarios;
      setOptions(
        scenarioSelect,
        scenarios.map((s) => ({ value: s.id, label: localised(s.title, lang) }))
      );
      if (scenarios.length === 0) showError(createError, t("create.libraryEmpty"));
      refreshLanguages();
    })
    .catch((error: unknown) => showError(createError, t("create.libraryFailed", { reason: reasonOf(error) })));
  setOptions(scenarioSelect, [], t("create.loadingLibrary"));

  const showProblems = (lines: readonly string[]): void => {
    clear(problems);
    if (lines.length === 0) return;
    const list = h("ol", { class: "problem-list" });
    for (const line of lines) {
      const p = parseProblem(line);
      const where = p.line !== undefined ? t("create.problemAt", { line: p.line, column: p.column ?? 1 }) : "";
      list.appendChild(
        h(
          "li",
          {},
          where ? h("span", { class: "problem-where", text: where }) : null,
          p.path ? h("code", { class: "problem-path", text: p.path }) : null,
          h("span", { class: "problem-message", text: p.message })
        )
      );
    }
    problems.append(h("p", { text: t("create.problems", { count: lines.length }) }), list);
  };

  const createForm = h(
    "form",
    { class: "card", id: "create-form", attrs: { novalidate: true, "aria-labelledby": "create-heading" } },
    h("h2", { id: "create-heading", text: t("create.title") }),
    h("p", { class: "intro", text: t("create.intro") }),
    h(
      "fieldset",
      { class: "choice" },
      h("legend", { text: t("create.source") }),
      h("div", { class: "radio" }, fromLibrary, h("label", { text: t("create.library"), attrs: { for: fromLibrary.id } })),
      h("div", { class: "radio" }, fromFile, h("label", { text: t("create.upload"), attrs: { for: fromFile.id } }))
    ),
    libraryField,
    scenarioSummary,
    fileField,
    field(t("create.language"), createLanguage),
    problems,
    createError,
    createButton
  );

  createForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      showError(createError, "");
      showProblems([]);
      let choice: ScenarioChoice;
      if (fromFile.checked) {
        const chosen = file.files?.[0];
        if (!chosen) {
          showError(createError, t("create.fileRequired"));
          file.focus();
          return;
        }
        choice = { text: await chosen.text() };
      } else {
        if (!scenarioSelect.value) return;
        choice = { library: scenarioSelect.value };
      }
      createButton.disabled = true;
      createButton.textContent = t("create.creating");
      try {
        const created = await createExercise(choice, createLanguage.value || undefined);
        const session = await ExerciseSession.join({ joinCode: created.joinCode, facilitatorSecret: created.facilitatorSecret });
        await app.enter(session);
      } catch (error) {
        showError(createError, t("create.failed", { reason: reasonOf(error) }));
        if (error instanceof ApiError) showProblems(error.problems);
        createButton.disabled = false;
        createButton.textContent = t("create.create");
      }
    })();
  });

  // ---- rejoin as facilitator ----
  const rejoinCode = h("input", { id: "rejoin-code", attrs: { autocomplete: "off", autocapitalize: "characters", spellcheck: "false", maxlength: 20 } });
  const rejoinSecret = h("input", { id: "rejoin-secret", attrs: { type: "password", autocomplete: "off", spellcheck: "false" } });
  const rejoinError = formError();
  const rejoinButton = h("button", { class: "button-quiet", text: t("create.rejoin"), attrs: { type: "submit" } });
  const rejoinForm = h(
    "form",
    { class: "card card-small", id: "rejoin-form", attrs: { novalidate: true, "aria-labelledby": "rejoin-heading" } },
    h("h2", { id: "rejoin-heading", text: t("create.rejoinTitle") }),
    h("p", { class: "intro", text: t("create.rejoinIntro") }),
    field(t("create.joinCode"), rejoinCode),
    field(t("create.secret"), rejoinSecret),
    rejoinError,
    rejoinButton
  );
  rejoinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!rejoinCode.value.trim()) {
      showError(rejoinError, t("lobby.codeRequired"));
      rejoinCode.focus();
      return;
    }
    if (!rejoinSecret.value.trim()) {
      showError(rejoinError, t("create.secretRequired"));
      rejoinSecret.focus();
      return;
    }
    showError(rejoinError, "");
    void join({ joinCode: rejoinCode.value.trim(), facilitatorSecret: rejoinSecret.value.trim() }, rejoinButton, rejoinError);
  });

  const element = h(
    "div",
    { class: "screen lobby" },
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "app-name", text: t("app.name") }), h("span", { class: "tagline", text: t("app.tagline") })),
      h("div", { class: "tools" }, preferenceControls(app))
    ),
    h("main", { class: "lobby-main", id: "main", attrs: { tabindex: -1 } }, joinForm, h("div", { class: "lobby-side" }, createForm, rejoinForm))
  );

  return {
    element,
    mounted() {
      // The first usable screen: `npm run bench` reads this mark.
      performance.mark("cordon-usable");
      if (presetCode) {
        void lookUp();
        name.focus();
      } else code.focus();
    },
    destroy() {
      // Nothing running: the forms go with the element.
    }
  };
}
