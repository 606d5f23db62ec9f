/** The regions a fetch asks for, and problems with the kommuner chosen. */
import type { InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";

/** The kommuner, then their län (each once) if asked, then riket "00" if asked. */
export function regionCodes(kommuner: readonly string[], lan = false, riket = false): string[] {
  const out = [...new Set(kommuner)];
  if (lan) for (const k of kommuner) {
    const l = kommunByCode(k)?.lan;
    if (l && !out.includes(l)) out.push(l);
  }
  if (riket) out.push("00");
  return out;
}

/** Problems with a list of kommun codes: none chosen, or codes that are not kommuner. */
export function kommunProblems(kommuner: readonly string[], plats = "kommuner"): InputProblem[] {
  if (kommuner.length === 0) return [{ plats, meddelande: "Välj minst en kommun." }];
  const unknown = kommuner.filter((k) => !kommunByCode(k));
  return unknown.length > 0 ? [{ plats, meddelande: `${unknown.join(", ")} är ${unknown.length === 1 ? "ingen kommunkod" : "inga kommunkoder"} (fyra siffror, t.ex. 2480 för Umeå).` }] : [];
}
