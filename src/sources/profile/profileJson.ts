import { z } from "zod";
import { parseDecimal } from "../../domain/amount";
import { InputError, type InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import type { ForbundProfile, ProfileAmountPart } from "../../domain/profile/profile";
import { normaliseKod } from "../fee/memberKeys";

/**
 * The förbundsprofil as JSON — the command line's `--profil FILE` and the workbook's document setting
 * (`samkalk.profil`) hold this same shape:
 *
 * ```json
 * { "forbund": "Samordningsförbundet X", "region": "Region Y", "ar": 2025,
 *   "kommuner": ["1863", "1885"], "nyckel": { "alder": "16-64", "referensar": 2019 },
 *   "belopp": { "kommuner": 1000000, "enhet": "kr" } }
 * ```
 *
 * `belopp` takes exactly one of `total`, `stat`, `kommuner`; `nyckel` is either an age band with a reference
 * year or `{ "andelar": { "1863": 55.5, … } }` in percent; `budget` and `initiativ` name optional files.
 * Every problem is located by the field's name as written in the file ("nyckel.alder").
 */
const amountValue = z.union([z.number(), z.string()]);

const text = (what: string) =>
  z.string({ required_error: `${what} saknas.`, invalid_type_error: `${what} ska vara en text.` }).trim().min(1, `Ange ${what.charAt(0).toLowerCase()}${what.slice(1)}.`);

const year = (what: string) =>
  z
    .number({ required_error: `${what} saknas.`, invalid_type_error: `${what} ska vara ett årtal, t.ex. 2025.` })
    .int(`${what} ska vara ett helt årtal.`)
    .min(1968, `${what} ska vara 1968 eller senare.`)
    .max(2100, `${what} ska vara 2100 eller tidigare.`);

export const ProfileJsonSchema = z
  .object({
    forbund: text("Förbundets namn"),
    region: text("Regionens namn"),
    ar: year("Budgetåret"),
    kommuner: z
      .array(z.union([z.string(), z.number()]), { required_error: "Medlemskommunerna saknas.", invalid_type_error: "Medlemskommunerna ska vara en lista med kommunkoder." })
      .min(1, "Ange minst en medlemskommun."),
    nyckel: z.union([
      z.object({ alder: z.string({ required_error: "Åldersgruppen saknas." }), referensar: year("Referensåret") }).strict(),
      z.object({ andelar: z.record(amountValue) }).strict(),
    ], { errorMap: () => ({ message: 'Nyckeln ska vara { "alder": "16-64", "referensar": 2019 } eller { "andelar": { "kod": procent } }.' }) }),
    belopp: z
      .object({
        total: amountValue.optional(),
        stat: amountValue.optional(),
        kommuner: amountValue.optional(),
        enhet: z.enum(["kr", "tkr"], { errorMap: () => ({ message: 'Enheten ska vara "kr" eller "tkr".' }) }).default("kr"),
      })
      .strict(),
    budget: z.string().trim().min(1).optional(),
    initiativ: z.string().trim().min(1).optional(),
  })
  .strict();

export type ProfileJson = z.input<typeof ProfileJsonSchema>;

/** Reads a profile from JSON text; throws InputError with every problem, located as `file, fältet x.y`. */
export function parseProfileJson(textIn: string, fileName = "profilen"): ForbundProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError([{ plats: fileName, meddelande: `Filen är inte giltig JSON (${(e as Error).message}).` }]);
  }
  return profileFromJson(raw, fileName);
}

/** Checks an already parsed value (a file's JSON or the stored document setting). */
export function profileFromJson(raw: unknown, where = "profilen"): ForbundProfile {
  const parsed = ProfileJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i) => ({
        plats: i.path.length > 0 ? `${where}, fältet ${i.path.join(".")}` : where,
        meddelande: i.code === "unrecognized_keys" ? `Okänt fält: ${i.keys.join(", ")}.` : i.message,
      })),
    );
  }
  const p = parsed.data;
  const problems: InputProblem[] = [];
  const at = (field: string) => `${where}, fältet ${field}`;

  const kommuner = p.kommuner.map((k, i) => {
    const kod = normaliseKod(String(k));
    if (!kommunByCode(kod)) problems.push({ plats: at(`kommuner.${i}`), meddelande: `"${k}" är ingen kommunkod (fyra siffror, t.ex. 2480).` });
    return kod;
  });
  const seen = new Set<string>();
  kommuner.forEach((k, i) => {
    if (seen.has(k)) problems.push({ plats: at(`kommuner.${i}`), meddelande: `Kommunen ${k} står två gånger.` });
    seen.add(k);
  });

  const parts = (["total", "stat", "kommuner"] as const).filter((k) => p.belopp[k] !== undefined);
  let avser: ProfileAmountPart = "total";
  let varde = "";
  if (parts.length !== 1) {
    problems.push({ plats: at("belopp"), meddelande: "Ange exakt ett av total, stat och kommuner." });
  } else {
    avser = parts[0];
    varde = String(p.belopp[avser]);
    const d = parseDecimal(varde);
    if (!d || d.digits <= 0n) problems.push({ plats: at(`belopp.${avser}`), meddelande: `Beloppet "${varde}" ska vara ett positivt tal.` });
  }

  let nyckel: ForbundProfile["nyckel"];
  if ("alder" in p.nyckel) {
    const m = /^\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*$/.exec(p.nyckel.alder);
    const fran = m ? Number(m[1]) : NaN;
    const till = m ? Number(m[2]) : NaN;
    if (!m || fran > till || till > 120) problems.push({ plats: at("nyckel.alder"), meddelande: `Åldersgruppen "${p.nyckel.alder}" ska skrivas som 16-64 (från–till, högst 120).` });
    nyckel = { kind: "befolkning", aldersFran: fran, aldersTill: till, referensAr: p.nyckel.referensar };
  } else {
    const andelar: Record<string, string> = {};
    for (const [kod, v] of Object.entries(p.nyckel.andelar)) {
      const k = normaliseKod(kod);
      if (!seen.has(k)) problems.push({ plats: at(`nyckel.andelar.${kod}`), meddelande: `Kommunen ${kod} är inte med bland kommuner.` });
      const d = parseDecimal(String(v));
      if (!d || d.digits < 0n) problems.push({ plats: at(`nyckel.andelar.${kod}`), meddelande: `Andelen "${v}" ska vara ett tal i procent, 0 eller mer.` });
      andelar[k] = String(v);
    }
    for (const k of kommuner) if (!(k in andelar)) problems.push({ plats: at("nyckel.andelar"), meddelande: `Andel saknas för kommun ${k}.` });
    nyckel = { kind: "andel", andelar };
  }

  if (problems.length > 0) throw new InputError(problems);
  return {
    forbund: p.forbund,
    region: p.region,
    ar: p.ar,
    kommuner,
    nyckel,
    belopp: { avser, varde, enhet: p.belopp.enhet },
    ...(p.budget !== undefined ? { budgetfil: p.budget } : {}),
    ...(p.initiativ !== undefined ? { initiativfil: p.initiativ } : {}),
  };
}

/** The profile in the JSON file's shape (for the document setting and for saving a profile file). */
export function profileToJson(p: ForbundProfile): ProfileJson {
  const belopp: ProfileJson["belopp"] = { enhet: p.belopp.enhet, [p.belopp.avser]: p.belopp.varde };
  return {
    forbund: p.forbund,
    region: p.region,
    ar: p.ar,
    kommuner: [...p.kommuner],
    nyckel:
      p.nyckel.kind === "befolkning"
        ? { alder: `${p.nyckel.aldersFran}-${p.nyckel.aldersTill}`, referensar: p.nyckel.referensAr }
        : { andelar: { ...p.nyckel.andelar } },
    belopp,
    ...(p.budgetfil !== undefined ? { budget: p.budgetfil } : {}),
    ...(p.initiativfil !== undefined ? { initiativ: p.initiativfil } : {}),
  };
}
