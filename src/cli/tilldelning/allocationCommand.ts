import path from "node:path";
import { InputError } from "../../domain/errors";
import type { AllocationLocations } from "../../domain/tilldelning/request";
import type { AllocationResult } from "../../domain/tilldelning/types";
import { toCsv } from "../../sources/csvOutput";
import { decodeBytes } from "../../sources/decode";
import { parseForraAretCsv, parseUnderlagCsv } from "../../sources/tilldelning/allocationFiles";
import { type AllocationInput, computeAllocationOf, runAllocationJob } from "../../usecases/tilldelning/allocationJob";
import { readInputFile, reportInputError } from "../inputErrors";

export interface AllocationOptions {
  underlag: string;
  anslag: string;
  grund: string;
  sparr: string;
  forraAret?: string;
  ar?: string;
  forbund?: string;
  format: "csv" | "json";
  out?: string;
  force?: boolean;
}

/** What `--format json` prints: one line per förbund and the sum, in whole kronor. */
export function allocationToJson(r: AllocationResult) {
  return {
    forbund: r.forbund.map((f) => ({
      namn: f.namn,
      grund: Number(f.grund),
      forsorjningsdel: Number(f.forsorjningsdel),
      befolkningsdel: Number(f.befolkningsdel),
      modell: Number(f.modell),
      forra_aret: f.forraAret === null ? null : Number(f.forraAret),
      tilldelning: Number(f.tilldelning),
    })),
    summa: Number(r.forbund.reduce((s, f) => s + f.tilldelning, 0n)),
  };
}

export function allocationToCsv(r: AllocationResult): string {
  const j = allocationToJson(r);
  return toCsv([
    ["forbund", "grund", "forsorjningsdel", "befolkningsdel", "modell", "forra_aret", "tilldelning"],
    ...j.forbund.map((f) => [f.namn, f.grund, f.forsorjningsdel, f.befolkningsdel, f.modell, f.forra_aret ?? "", f.tilldelning]),
    ["Summa", "", "", "", "", "", j.summa],
  ]);
}

function readText(file: string, err: (s: string) => void): string | null {
  const bytes = readInputFile(file, "tilldelning", err);
  return bytes ? decodeBytes(bytes).text : null;
}

/** `samkalk tilldelning`: the forecast of the state's allocation, printed and (with --out) written as a sheet. */
export async function runAllocationCommand(o: AllocationOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (o.ar !== undefined && !/^(19|20)\d\d$/.test(o.ar.trim())) {
    err(`--ar ${o.ar}: ange ett årtal med fyra siffror, t.ex. 2027.`);
    return 2;
  }
  const underlagText = readText(o.underlag, err);
  if (underlagText === null) return 1;
  const forraText = o.forraAret === undefined ? "" : readText(o.forraAret, err);
  if (forraText === null) return 1;
  try {
    const underlag = parseUnderlagCsv(underlagText, path.basename(o.underlag));
    const forra = o.forraAret === undefined ? { rows: [], locate: (i: number) => `rad ${i + 2}` } : parseForraAretCsv(forraText, path.basename(o.forraAret));
    const flags = { anslag: "--anslag", grund: "--grund", sparr: "--sparr", viktForsorjning: "vikterna", viktBefolkning: "vikterna" } as const;
    const locations: AllocationLocations = { field: (f) => flags[f], kommun: underlag.locate, forbund: forra.locate };
    const input: AllocationInput = {
      ar: o.ar ? Number(o.ar) : new Date().getFullYear() + 1,
      forbund: o.forbund,
      anslag: o.anslag,
      grund: o.grund,
      sparr: o.sparr,
      kommuner: underlag.rows,
      forbundInfo: forra.rows,
    };
    const result = computeAllocationOf(input, locations);
    out(o.format === "json" ? JSON.stringify(allocationToJson(result), null, 2) + "\n" : allocationToCsv(result));
    if (o.out) {
      // Loaded here: the workbook writer (exceljs) is the slowest part of the start and only --out needs it.
      const { XlsxWorkbookHost } = await import("../../hosts/xlsx/xlsxHost");
      const host = new XlsxWorkbookHost();
      const outcome = await runAllocationJob(host, { ...input, underlag: [`Underlag: ${path.basename(o.underlag)}${o.forraAret ? `; förra årets tilldelning: ${path.basename(o.forraAret)}` : ""}.`] }, { locations });
      if (!outcome.ok) throw new InputError(outcome.problems);
      await host.save(o.out, { inputs: [o.underlag, ...(o.forraAret ? [o.forraAret] : [])], force: o.force });
      err(`Skrev ${o.out} (bladet "${outcome.sheetName}").`);
    }
    return 0;
  } catch (e) {
    return reportInputError(e, err, (p) => `${p.plats ? `${RELABEL[p.plats] ?? p.plats}: ` : ""}${p.meddelande}`);
  }
}

/** The model's own places, as the command line's flags. */
const RELABEL: Record<string, string> = { anslaget: "--anslag", spärren: "--sparr" };
