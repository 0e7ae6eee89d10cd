/**
 * Cheap checks on the raw text of a scenario file before it reaches the YAML parser, so that hostile or accidental
 * input (a huge file, a binary file, a million nested brackets) is refused quickly with a clear message instead of
 * exhausting the parser's time or stack.
 */
import { CST, Lexer } from "yaml";

/** Scenario files larger than this are refused: real scenarios are a few hundred kilobytes at most. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/**
 * Refuse documents nested deeper than this. Real scenarios nest about 8 levels (injects[].expectations[].action.to
 * []); the YAML composer and converter are recursive and run out of stack somewhere past 700 levels.
 */
export const MAX_NESTING = 128;

/** A problem with the source text at a character offset. */
export interface SourceProblem {
  offset: number;
  message: string;
}

/** The UTF-8 size of a string, counted without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

export function checkSize(text: string): SourceProblem | undefined {
  // Characters never outnumber UTF-8 bytes, so the exact count is only needed near the limit.
  const bytes = text.length > MAX_SCENARIO_BYTES ? text.length : utf8Length(text);
  if (bytes <= MAX_SCENARIO_BYTES) return undefined;
  return {
    offset: 0,
    message: `the file is too large (${formatSize(bytes)}); scenario files are limited to ${formatSize(MAX_SCENARIO_BYTES)}`
  };
}

// Characters YAML does not allow in a stream: C0 controls other than tab, line feed and carriage return, DEL, C1
// controls other than NEL, and the non-characters U+FFFE/U+FFFF. U+FFFD is what invalid UTF-8 decodes to.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]/;

export function checkCharacters(text: string): SourceProblem | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const char = match[0];
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const why =
    char === "\uFFFD"
      ? "the file is not valid UTF-8 text"
      : char === "\u0000"
        ? "the file contains a NUL byte: it looks like a binary file, not YAML"
        : `the file contains the control character ${code}, which YAML does not allow`;
  return { offset: match.index, message: why };
}

/**
 * Refuses documents nested deeper than MAX_NESTING, using the YAML lexer (fast, iterative, quote-aware) rather
 * than the recursive parser. It bounds the depth from above: every open flow bracket counts, every block indicator
 * (`- `, `? `, `: `) on a line counts, and so does the line's indentation (a block collection nested inside
 * another is indented further, at least one column per two levels). A legitimate file only trips this with
 * indentation of about 60 columns.
 */
export function checkNesting(text: string): SourceProblem | undefined {
  let offset = 0;
  let flowDepth = 0;
  let indent = 0;
  let indicatorsOnLine = 0;
  let atLineStart = true;
  let afterScalarMarker = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer inserts one-character control markers that are not part of the source.
    const inSource = type !== "doc-mode" && type !== "flow-error-end" && type !== "scalar";
    const tokenStart = offset;
    if (inSource) offset += token.length;
    if (afterScalarMarker) {
      // The token after a scalar marker is the scalar's text, whatever it starts with.
      afterScalarMarker = false;
      atLineStart = false;
      continue;
    }
    switch (type) {
      case "scalar":
        afterScalarMarker = true;
        continue;
      case "newline":
        atLineStart = true;
        indent = 0;
        indicatorsOnLine = 0;
        continue;
      case "space":
        if (atLineStart) indent = token.length;
        continue;
      case "comment":
      case "doc-mode":
      case "flow-error-end":
        continue;
      case "flow-seq-start":
      case "flow-map-start":
        flowDepth += 1;
        break;
      case "flow-seq-end":
      case "flow-map-end":
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case "seq-item-ind":
      case "explicit-key-ind":
      case "map-value-ind":
        if (flowDepth === 0) indicatorsOnLine += 1;
        break;
    }
    atLineStart = false;
    if (2 * indent + indicatorsOnLine + flowDepth > MAX_NESTING) {
      return {
        offset: Math.min(tokenStart, text.length),
        message: `the document is nested or indented too deeply (more than ${MAX_NESTING} levels)`
      };
    }
  }
  return undefined;
}
