/** Checks data-validation rules and error alerts the way Excel does when they are assigned. */
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { DEFAULT_ERROR_ALERT, ErrorAlert, ValidationRuleValue } from "./fakeSheet";

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/** Excel's limit for a typed-in list ("a,b,c") of a list validation. */
export const MAX_LIST_SOURCE = 255;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function basic(kind: string, body: Record<string, unknown>, where: string): Record<string, unknown> {
  const operator = body.operator;
  if (typeof operator !== "string" || !OPERATORS.includes(operator)) {
    throw invalidArgument(`${where}: operator ${JSON.stringify(operator)} is not valid`);
  }
  const needsTwo = operator === "Between" || operator === "NotBetween";
  const formulas = needsTwo ? [body.formula1, body.formula2] : [body.formula1];
  for (const f of formulas) {
    const ok = (typeof f === "number" && Number.isFinite(f)) || (typeof f === "string" && f.length > 0);
    if (!ok) throw invalidArgument(`${where}: ${kind} needs formula1${needsTwo ? " and formula2" : ""}`);
    if (kind === "wholeNumber" && typeof f === "number" && !Number.isInteger(f)) {
      throw invalidArgument(`${where}: wholeNumber bound ${f} is not a whole number`);
    }
  }
  if (needsTwo && typeof body.formula1 === "number" && typeof body.formula2 === "number" && body.formula1 > body.formula2) {
    throw invalidArgument(`${where}: formula1 > formula2`);
  }
  return needsTwo
    ? { formula1: body.formula1, formula2: body.formula2, operator }
    : { formula1: body.formula1, operator };
}

export function normaliseRule(input: unknown, where: string): ValidationRuleValue {
  if (!isRecord(input)) throw invalidArgument(`${where}: a rule must be an object`);
  const kinds = Object.keys(input).filter((k) => input[k] !== undefined);
  if (kinds.length !== 1) throw invalidArgument(`${where}: a rule needs exactly one criterion, got ${kinds.join(", ")}`);
  const kind = kinds[0];
  const body = input[kind];
  if (!isRecord(body)) throw invalidArgument(`${where}: ${kind} must be an object`);
  switch (kind) {
    case "list": {
      if (typeof body.inCellDropDown !== "boolean") throw invalidArgument(`${where}: list.inCellDropDown must be a boolean`);
      if (typeof body.source !== "string") {
        throw new FakeOfficeError("FakeNotSupported", `${where}: only text list sources are modelled`);
      }
      if (body.source.length === 0 || body.source.length > MAX_LIST_SOURCE) {
        throw invalidArgument(`${where}: a list source must be 1–${MAX_LIST_SOURCE} characters`);
      }
      return { list: { inCellDropDown: body.inCellDropDown, source: body.source } };
    }
    case "wholeNumber":
    case "decimal":
    case "textLength":
      return { [kind]: basic(kind, body, where) };
    case "custom":
      if (typeof body.formula !== "string" || body.formula === "") throw invalidArgument(`${where}: custom.formula`);
      return { custom: { formula: body.formula } };
    default:
      throw new FakeOfficeError("FakeNotSupported", `${where}: ${kind} rules are not modelled`);
  }
}

/** Excel's limits for a data-validation error alert (the Data Validation dialog refuses longer texts). */
const ERROR_ALERT_MAX = { title: 32, message: 225 } as const;

export function normaliseErrorAlert(input: unknown, current: ErrorAlert, where: string): ErrorAlert {
  if (!isRecord(input)) throw invalidArgument(`${where}: errorAlert must be an object`);
  const next: ErrorAlert = { ...DEFAULT_ERROR_ALERT, ...current };
  if (input.showAlert !== undefined) {
    if (typeof input.showAlert !== "boolean") throw invalidArgument(`${where}: showAlert must be a boolean`);
    next.showAlert = input.showAlert;
  }
  if (input.style !== undefined) {
    if (input.style !== "Stop" && input.style !== "Warning" && input.style !== "Information") {
      throw invalidArgument(`${where}: style ${JSON.stringify(input.style)}`);
    }
    next.style = input.style;
  }
  for (const key of ["title", "message"] as const) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== "string") throw invalidArgument(`${where}: ${key} must be a string`);
    // Excel's data-validation dialog limits: a title of 32 characters, a message of 225.
    const max = ERROR_ALERT_MAX[key];
    if (v.length > max) throw invalidArgument(`${where}: ${key} is ${v.length} characters; Excel allows ${max}`);
    next[key] = v;
  }
  return next;
}
