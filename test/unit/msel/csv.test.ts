import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv, writeCsv } from "../../../server/src/core/scenario/csv.ts";

describe("CSV reader", () => {
  it("given quoted cells with commas, doubled quotes and line breaks, when read, then each cell is whole", () => {
    const text = 'a,b,c\r\n1,"Hello, world","She said ""run""\r\nthen hid"\r\n2,,x\r\n';
    const { table, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(table.rows).toEqual([
      ["a", "b", "c"],
      ["1", "Hello, world", 'She said "run"\r\nthen hid'],
      ["2", "", "x"]
    ]);
  });

  it("given a UTF-8 byte-order mark and LF line ends, when read, then the mark is not part of the first header", () => {
    const { table } = parseCsv("\uFEFFNuméro,Objet\n1,Alerte\n");
    expect(table.rows[0]).toEqual(["Numéro", "Objet"]);
    expect(table.rows[1]).toEqual(["1", "Alerte"]);
  });

  it("given a semicolon-separated file as Excel writes it in French, when read, then the separator is detected from the header", () => {
    const text = "N°;Heure;Message\n1;H+00:05;Bilan : 4,5 km de bouchons\n";
    expect(detectSeparator(text)).toBe(";");
    const { table } = parseCsv(text);
    expect(table.separator).toBe(";");
    expect(table.rows[1]).toEqual(["1", "H+00:05", "Bilan : 4,5 km de bouchons"]);
  });

  it("given a header with quoted semicolons but comma separators, when detecting, then quotes are skipped", () => {
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(",");
    expect(detectSeparator("a\tb\tc\n")).toBe("\t");
  });

  it("given trailing empty lines and rows of bare separators, when read, then they are dropped", () => {
    const { table } = parseCsv("a,b\n1,2\n,\n\n\n");
    expect(table.rows).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("given a quoted cell never closed, when read, then the row where it starts is reported", () => {
    const { problems } = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(problems).toEqual([{ row: 3, message: expect.stringContaining("never closed") }]);
  });

  it("given text after a closing quote, when read, then it is kept and reported with its row", () => {
    const { table, problems } = parseCsv('a,b\n"x"y,2\n');
    expect(table.rows[1]).toEqual(["xy", "2"]);
    expect(problems[0]?.row).toBe(2);
  });

  it("given cells that need quoting, when written and read back, then they are unchanged", () => {
    const rows = [
      ["plain", "with, comma", 'with "quotes"'],
      ["line\nbreak", " padded ", "semi;colon"],
      ["", "é à ü", "last"]
    ];
    for (const separator of [",", ";", "\t"] as const) {
      const text = writeCsv(rows, { separator });
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      expect(parseCsv(text).table.rows).toEqual(rows);
    }
  });

  it("given no BOM wanted, when written, then the text starts with the first cell and only needed cells are quoted", () => {
    expect(writeCsv([["a", "b,c"]], { bom: false })).toBe('a,"b,c"\r\n');
  });
});
