import { z } from "zod";
import { InputError, InputProblem } from "../../../domain/errors";
import { Problem } from "./schemas";

/**
 * Errors from talking to SCB, in Swedish. They extend InputError so the add-in's existing
 * error display (a list of located problems) shows them; `kind` tells code what happened.
 * When one of these is thrown from fetchDataset, nothing has been returned or written.
 */
export type ScbErrorKind =
  | "finns-inte" // 404: table or codelist unknown or removed
  | "for-manga-celler" // the selection exceeds the cell limit (400/403 from SCB)
  | "ogiltig-fraga" // other 4xx: SCB could not use the query
  | "for-manga-anrop" // 429 and still 429 after waiting as told
  | "serverfel" // 5xx after every retry
  | "tidsgrans" // no answer in time after every retry
  | "natverk" // could not reach SCB
  | "ogiltigt-svar" // not JSON, cut off, or not the shape the API promises
  | "avbruten"; // the user cancelled

export class ScbApiError extends InputError {
  constructor(
    public readonly kind: ScbErrorKind,
    problems: InputProblem[],
    public readonly details: { status?: number; problem?: Problem; url?: string; attempts?: number } = {},
  ) {
    super(problems);
    this.name = "ScbApiError";
  }
}

/** What a request was about, for the message: "tabell TAB638", "kodlista agg_Ålder5år", "SCB:s inställningar". */
export type Target =
  | { kind: "table"; id: string }
  | { kind: "codelist"; id: string }
  | { kind: "config" }
  | { kind: "search" };

export function describeTarget(t: Target): string {
  switch (t.kind) {
    case "table":
      return `tabell ${t.id}`;
    case "codelist":
      return `kodlista ${t.id}`;
    case "config":
      return "SCB:s inställningar (/config)";
    case "search":
      return "tabellsökning";
  }
}

const plats = (t: Target) => `SCB, ${describeTarget(t)}`;

function scbSays(problem?: Problem, text?: string): string {
  const said = problem?.detail ?? problem?.title ?? (text && text.length < 300 ? text.trim() : undefined);
  return said ? ` (SCB:s svar: "${said}")` : "";
}

const TOO_MANY_CELLS = /cell|too many|exceed|för många|for manga/i;

/** Maps an HTTP error status (and its RFC 7807 body, when there is one) to a Swedish error. */
export function errorForStatus(
  status: number,
  target: Target,
  problem: Problem | undefined,
  text: string | undefined,
  url: string,
  ctx: { maxDataCells?: number; cells?: number; attempts?: number; window?: string } = {},
): ScbApiError {
  const details = { status, problem, url, attempts: ctx.attempts };
  const at = plats(target);
  const said = scbSays(problem, text);
  if (status === 404) {
    const msg =
      target.kind === "table"
        ? `Tabellen ${target.id} finns inte hos SCB (längre). Kontrollera tabell-id:t eller sök upp tabellen på nytt – SCB ersätter ibland tabeller med nya id (t.ex. befolkningen från 2025 i TAB5557 i stället för TAB638).${said}`
        : target.kind === "codelist"
          ? `Kodlistan ${target.id} finns inte hos SCB (längre).${said}`
          : `SCB hittade inte adressen ${url}.${said}`;
    return new ScbApiError("finns-inte", [{ plats: at, meddelande: msg }], details);
  }
  const detail = `${problem?.title ?? ""} ${problem?.detail ?? ""} ${text ?? ""}`;
  if ((status === 400 || status === 403) && TOO_MANY_CELLS.test(detail)) {
    const n = ctx.cells !== undefined ? ` (${ctx.cells.toLocaleString("sv-SE")} celler)` : "";
    const max = ctx.maxDataCells !== undefined ? ` högst ${ctx.maxDataCells.toLocaleString("sv-SE")}` : " fler än SCB tillåter";
    return new ScbApiError(
      "for-manga-celler",
      [{ plats: at, meddelande: `Urvalet${n} är för stort för ett anrop till SCB, som tar${max} celler per anrop. Välj färre värden eller låt Samkalk dela upp hämtningen.${said}` }],
      details,
    );
  }
  if (status === 429) {
    return new ScbApiError(
      "for-manga-anrop",
      [{ plats: at, meddelande: `SCB begränsar antalet anrop${ctx.window ? ` (${ctx.window})` : ""} och svarade ”för många anrop” även efter att vi väntat${ctx.attempts ? ` (${ctx.attempts} försök)` : ""}. Försök igen om en stund.${said}` }],
      details,
    );
  }
  if (status >= 500) {
    return new ScbApiError(
      "serverfel",
      [{ plats: at, meddelande: `SCB:s server svarade med fel (HTTP ${status})${ctx.attempts ? ` i alla ${ctx.attempts} försök` : ""}. Det är ett fel hos SCB, inte i urvalet – försök igen senare.${said}` }],
      details,
    );
  }
  const valueCode = /Value,?\s*(.+?)\s+is not a valid value code for variable\s+(\S+)/i.exec(detail);
  if (valueCode) {
    return new ScbApiError(
      "ogiltig-fraga",
      [{ plats: at, meddelande: `Värdet ${valueCode[1]} finns inte i variabeln ${valueCode[2]} i ${describeTarget(target)}.${said}` }],
      details,
    );
  }
  return new ScbApiError(
    "ogiltig-fraga",
    [{ plats: at, meddelande: `SCB kunde inte använda frågan mot ${describeTarget(target)} (HTTP ${status}).${said}` }],
    details,
  );
}

export function invalidJsonError(target: Target, url: string, length: number, cause: unknown): ScbApiError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new ScbApiError(
    "ogiltigt-svar",
    [
      {
        plats: plats(target),
        meddelande: `Svaret från SCB (${length.toLocaleString("sv-SE")} tecken) är inte giltig JSON – det verkar ha avbrutits under överföringen. Inget har lästs in; försök igen. (${why})`,
      },
    ],
    { url },
  );
}

const TYPES: Record<string, string> = {
  string: "text",
  number: "ett tal",
  integer: "ett heltal",
  boolean: "sant/falskt",
  object: "ett objekt",
  array: "en lista",
  null: "null",
  undefined: "inget värde",
};

/** zod's issue in Swedish (our own refinements are already Swedish). */
export function zodIssueSv(i: z.ZodIssue): string {
  switch (i.code) {
    case z.ZodIssueCode.invalid_type:
      return i.received === "undefined" ? "fältet saknas" : `väntade ${TYPES[i.expected] ?? i.expected}, fick ${TYPES[i.received] ?? i.received}`;
    case z.ZodIssueCode.too_small:
      return `för litet (minst ${String(i.minimum)})`;
    case z.ZodIssueCode.too_big:
      return `för stort (högst ${String(i.maximum)})`;
    case z.ZodIssueCode.invalid_literal:
      return `väntade ${JSON.stringify(i.expected)}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `väntade ett av ${i.options.map((o) => JSON.stringify(o)).join(", ")}, fick ${JSON.stringify(i.received)}`;
    case z.ZodIssueCode.invalid_union:
      return "har fel form";
    case z.ZodIssueCode.custom:
      return i.message;
    default:
      return `ogiltigt värde (${i.code})`;
  }
}

export function invalidShapeError(target: Target, url: string, what: string, err: z.ZodError): ScbApiError {
  const problems: InputProblem[] = err.issues.slice(0, 5).map((i) => ({
    plats: `${plats(target)}${i.path.length ? `, ${i.path.join(".")}` : ""}`,
    meddelande: `Svaret från SCB är inte ${what} som väntat: ${zodIssueSv(i)}. Inget har lästs in.`,
  }));
  return new ScbApiError("ogiltigt-svar", problems, { url });
}

export function inconsistentBatchError(target: Target, meddelande: string): ScbApiError {
  return new ScbApiError("ogiltigt-svar", [{ plats: plats(target), meddelande: `${meddelande} Inget har lästs in.` }]);
}

export function timeoutError(target: Target, url: string, timeoutMs: number, attempts: number): ScbApiError {
  return new ScbApiError(
    "tidsgrans",
    [{ plats: plats(target), meddelande: `SCB svarade inte inom ${formatSeconds(timeoutMs)} (${attempts} försök). Försök igen senare.` }],
    { url, attempts },
  );
}

export function networkError(target: Target, url: string, cause: unknown, attempts: number): ScbApiError {
  const why = cause instanceof Error ? ((cause as Error & { cause?: { code?: string } }).cause?.code ?? cause.message) : String(cause);
  return new ScbApiError(
    "natverk",
    [{ plats: plats(target), meddelande: `Kunde inte nå SCB på ${new URL(url).origin} (${attempts} försök: ${why}). Kontrollera nätverket och försök igen.` }],
    { url, attempts },
  );
}

export function cancelledError(): ScbApiError {
  return new ScbApiError("avbruten", [{ plats: "SCB", meddelande: "Hämtningen från SCB avbröts. Inget har lästs in." }]);
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toLocaleString("sv-SE", { maximumFractionDigits: 1 }) : Math.round(s)} s`;
}
