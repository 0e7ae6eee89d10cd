/** A log the report cannot be drawn from (no scenario in it, a language it was not run in...): says what and where. */
export class ReportInputError extends Error {
  override readonly name = "ReportInputError";
}
