/**
 * Which languages an imported sheet is in: the untagged text columns are in the main language (--language, the
 * base scenario's, or the one the headers are written in), tagged columns (message_fr) in theirs.
 */
import type { MselColumn } from "./msel-columns.ts";
import { LOCALISED_FIELDS, guessHeaderLanguage } from "./msel-columns.ts";
import type { MselProblem } from "./msel-problem.ts";
import type { MselImportOptions } from "./msel-import-context.ts";

export function chooseLanguages(columns: readonly MselColumn[], options: MselImportOptions, problems: MselProblem[]): {
  primary: string;
  untagged: boolean;
  languages: string[];
} | undefined {
  const localised = columns.filter((c) => LOCALISED_FIELDS.has(c.field));
  const tagged = [...new Set(localised.map((c) => c.language).filter((l): l is string => l !== undefined))];
  const untagged = localised.some((c) => c.language === undefined);
  const base = options.base;
  let primary: string | undefined;
  if (options.language !== undefined) {
    if (!/^[a-z]{2}$/.test(options.language)) {
      problems.push({ severity: "error", message: `--language ${options.language}: give a two-letter language code such as en or fr` });
      return undefined;
    }
    primary = options.language;
    if (untagged && tagged.includes(primary)) {
      problems.push({
        severity: "error",
        message: `the sheet has both untagged text columns and columns tagged "${primary}" (e.g. message_${primary}); with --language ${primary} they would hold the same language`
      });
      return undefined;
    }
  } else if (!untagged) {
    primary = tagged[0] ?? base?.languages[0] ?? "en";
  } else {
    const guess = guessHeaderLanguage(columns);
    const candidates = base ? [...(guess !== undefined && base.languages.includes(guess) ? [guess] : []), ...base.languages] : [guess, "en", "fr"];
    primary = candidates.find((l): l is string => l !== undefined && !tagged.includes(l));
    if (primary === undefined) {
      problems.push({ severity: "error", message: "cannot tell the language of the untagged text columns (Subject, Message...): pass --language" });
      return undefined;
    }
  }
  const found = [...(untagged ? [primary] : []), ...tagged.filter((l) => l !== primary || !untagged)];
  if (!base) return { primary, untagged, languages: found.length > 0 ? found : [primary] };

  for (const language of found.filter((l) => !base.languages.includes(l))) {
    problems.push({
      severity: "warning",
      message: `the sheet has ${language} text but the base scenario's languages are ${base.languages.join(", ")}; the ${language} columns are ignored`
    });
  }
  for (const language of base.languages.filter((l) => !found.includes(l))) {
    problems.push({
      severity: "error",
      message: `the base scenario is in ${base.languages.join(", ")} but the sheet has no ${language} text (add columns such as subject_${language} and message_${language}, or pass --language ${language} if the untagged columns are ${language})`
    });
  }
  return { primary, untagged, languages: [...base.languages] };
}

