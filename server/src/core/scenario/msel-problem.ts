/**
 * A problem found while importing an MSEL, located as the facilitator sees it in the spreadsheet: the row number
 * (header = row 1) and the column letter, with the column's header in the message where it helps.
 */
export type MselSeverity = "error" | "warning" | "note";

export interface MselProblem {
  severity: MselSeverity;
  /** Spreadsheet row (1 = header); absent for problems with the whole file. */
  row?: number;
  /** Spreadsheet column letter (A, B, ..., AA); absent for problems with a whole row. */
  column?: string;
  message: string;
}

/** Spreadsheet column letter for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `file:row:column: message`, with warnings and notes marked so they are not mistaken for errors. */
export function formatMselProblem(file: string, problem: MselProblem): string {
  const where = [file, problem.row, problem.column].filter((part) => part !== undefined).join(":");
  const label = problem.severity === "error" ? "" : `${problem.severity}: `;
  return `${where}: ${label}${problem.message}`;
}

export function hasErrors(problems: readonly MselProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
