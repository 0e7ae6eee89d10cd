/**
 * A small RFC 4180 CSV reader and writer for spreadsheets exported by Excel, LibreOffice and Google Sheets:
 * quoted fields with embedded separators, line breaks and doubled quotes, CRLF or LF line ends, a UTF-8 byte-order
 * mark, and `;` or tab separated files (Excel writes `;` in locales where the comma is the decimal mark, e.g. French).
 *
 * Rows are numbered as a spreadsheet numbers them (the header is row 1), not by text line: a cell holding a line
 * break is still one row in Excel, so a problem "row 12" is where the facilitator looks.
 */

export type CsvSeparator = "," | ";" | "\t";

const SEPARATORS: readonly CsvSeparator[] = [",", ";", "\t"];

export interface CsvTable {
  /** Every record, header included; trailing empty lines are dropped. */
  rows: string[][];
  separator: CsvSeparator;
}

/** A malformed file: the row it starts in and what is wrong. */
export interface CsvProblem {
  row: number;
  message: string;
}

export interface CsvParseResult {
  table: CsvTable;
  problems: CsvProblem[];
}

const BOM = "\uFEFF";

/**
 * Picks the separator that occurs most often, outside quotes, on the first record (the header): a header line has
 * no data commas in it, so it tells `,` from `;` reliably even when the cells below hold decimal commas.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && counts.has(ch as CsvSeparator)) {
      counts.set(ch as CsvSeparator, (counts.get(ch as CsvSeparator) ?? 0) + 1);
    }
  }
  let best: CsvSeparator = ",";
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
}

/**
 * Reads CSV text. Lenient where spreadsheets are (a stray quote inside an unquoted cell is kept as text), strict
 * where data would be lost (a quoted cell never closed is reported).
 */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CsvParseResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  // Whether the current field began with a quote, and whether we are still inside those quotes.
  let quoted = false;
  let inQuotes = false;
  let quoteStartRow = 0;
  let afterClosingQuote = false;

  const endField = (): void => {
    row.push(field);
    field = "";
    quoted = false;
    afterClosingQuote = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < source.length) {
    const ch = source[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        afterClosingQuote = true;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === separator) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && source[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (ch === '"' && field === "" && !quoted) {
      quoted = true;
      inQuotes = true;
      quoteStartRow = rows.length + 1;
      i++;
      continue;
    }
    if (afterClosingQuote && (ch === " " || ch === "\t")) {
      // Spaces between a closing quote and the separator are layout, not content.
      i++;
      continue;
    }
    if (afterClosingQuote) {
      problems.push({
        row: rows.length + 1,
        message: `text after a closing quote in cell ${row.length + 1} (a quote inside a quoted cell must be doubled: "")`
      });
      afterClosingQuote = false;
    }
    field += ch;
    i++;
  }
  if (inQuotes) {
    problems.push({ row: quoteStartRow, message: "a quoted cell is never closed (missing closing quote)" });
  }
  if (field !== "" || row.length > 0 || quoted) endRow();

  // Spreadsheets often leave empty lines (or rows of bare separators) at the end.
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((cell) => cell.trim() === "")) rows.pop();
  return { table: { rows, separator }, problems };
}

export interface CsvWriteOptions {
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte-order mark so Excel opens accented text correctly (default true). */
  bom?: boolean;
}

/** Writes rows as RFC 4180 CSV with CRLF line ends, quoting only the cells that need it. */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ",";
  const lines = rows.map((row) => row.map((cell) => quoteIfNeeded(cell, separator)).join(separator));
  return (options.bom === false ? "" : BOM) + lines.join("\r\n") + "\r\n";
}

function quoteIfNeeded(cell: string, separator: CsvSeparator): string {
  const needsQuotes =
    cell.includes(separator) ||
    cell.includes('"') ||
    cell.includes("\n") ||
    cell.includes("\r") ||
    cell !== cell.trim();
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}
