import path from "node:path";
import { toCsv } from "../../sources/csvOutput";
import { amountToPlain } from "../../domain/amount";
import { InputError } from "../../domain/errors";
import type { FeeSplitResult } from "../../domain/fee/feeSplit";
import { parseMembersFile } from "../../sources/fee/membersFile";
import { FeeSplitSettings, defaultFeeSplitSettings, runFeeSplitJob, toFeeSplitRequest } from "../../usecases/fee/feeSplitJob";
import { computeFeeSplit } from "../../domain/fee/feeSplit";
import { readInputText, reportInputError } from "../inputErrors";

export interface SplitOptions {
  members: string;
  total?: string;
  kommunTotal?: string;
  stat?: string;
  unit: "kr" | "tkr";
  format: "csv" | "json";
  ar?: string;
  forbund?: string;
  region?: string;
  alder?: string;
  referensar?: string;
  out?: string;
  force?: boolean;
}

/** The split as plain data: what `--format json` prints. */
export function splitToJson(r: FeeSplitResult) {
  const n = (a: FeeSplitResult["total"]) => Number(amountToPlain(a));
  return {
    ar: r.request.ar,
    enhet: r.request.enhet,
    nyckel: r.request.nyckel,
    total: n(r.total),
    stat: n(r.stat),
    region: n(r.region),
    kommunerTotal: n(r.kommunerTotal),
    kommuner: r.kommuner.map((k) => ({ kod: k.kod, namn: k.namn, andel: Math.round(k.andel * 1e6) / 1e4, avgift: n(k.avgift) })),
    varningar: r.varningar,
  };
}

export function splitToCsv(r: FeeSplitResult): string {
  const j = splitToJson(r);
  const rows: (string | number)[][] = [
    ["part", "kod", "namn", "andel", "avgift"],
    ["stat", "", "Försäkringskassan (staten)", 50, j.stat],
    ["region", "", r.request.region, 25, j.region],
    ["kommuner", "", "Kommunerna tillsammans", 25, j.kommunerTotal],
    ...j.kommuner.map((k) => ["kommun", k.kod, k.namn, k.andel, k.avgift]),
    ["total", "", "Summa", 100, j.total],
  ];
  return toCsv(rows);
}

/** The typed flags checked before anything is read: each message names the flag and what was typed. */
function splitFlagProblems(o: SplitOptions): string[] {
  const problems: string[] = [];
  const year = (flag: string, v: string | undefined) => {
    if (v !== undefined && !/^(19|20)\d\d$/.test(v.trim())) problems.push(`${flag} ${v}: ange ett årtal med fyra siffror, t.ex. 2025.`);
  };
  year("--ar", o.ar);
  year("--referensar", o.referensar);
  const band = /^(\d{1,3})-(\d{1,3})$/.exec((o.alder ?? "20-64").trim());
  if (!band || Number(band[1]) > Number(band[2]) || Number(band[2]) > 110) {
    problems.push(`--alder ${o.alder}: ange åldersgruppen som från-till i hela år, t.ex. 20-64.`);
  }
  return problems;
}

export async function runSplit(o: SplitOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const given = [o.total, o.kommunTotal, o.stat].filter((x) => x !== undefined);
  if (given.length !== 1) {
    err("Ange precis ett av --total (hela medlemsfinansieringen), --kommun-total (kommunernas del) eller --stat (statens del).");
    return 2;
  }
  const flags = splitFlagProblems(o);
  if (flags.length > 0) {
    flags.forEach((f) => err(f));
    return 2;
  }
  const text = readInputText(o.members, "medlemmar", err);
  if (text === null) return 1;
  const [fran, till] = (o.alder ?? "20-64").split("-").map(Number);
  try {
    const file = parseMembersFile(text, path.basename(o.members));
    const base = defaultFeeSplitSettings();
    const settings: FeeSplitSettings = {
      ...base,
      forbund: o.forbund ?? base.forbund,
      region: o.region ?? base.region,
      ar: o.ar ? Number(o.ar) : base.ar,
      belopp: (o.total ?? o.kommunTotal ?? o.stat)!,
      avser: o.total !== undefined ? "total" : o.kommunTotal !== undefined ? "kommuner" : "stat",
      enhet: o.unit,
      nyckel: file.mode === "andel" ? { kind: "andel" } : { kind: "befolkning", aldersFran: fran, aldersTill: till, referensAr: Number(o.referensar ?? base.ar - 2) },
      kommuner: file.rows,
    };
    const request = toFeeSplitRequest(settings, file.locate);
    const result = computeFeeSplit(request);
    for (const w of result.varningar) err(`Varning: ${w}`);
    out(o.format === "json" ? JSON.stringify(splitToJson(result), null, 2) + "\n" : splitToCsv(result));
    if (o.out) {
      // Loaded here: the workbook writer (exceljs) is the slowest part of the start and only --out needs it.
      const { XlsxWorkbookHost } = await import("../../hosts/xlsx/xlsxHost");
      // An existing workbook is updated as the add-in does: the populations typed into its fee sheet are kept.
      const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
      const outcome = await runFeeSplitJob(host, settings, { lang: "sv", store: host.settings });
      if (!outcome.ok) throw new InputError(outcome.problems);
      await host.save(o.out, { inputs: [o.members], force: o.force });
      if (outcome.keptUserValues > 0) err(`Behöll ${outcome.keptUserValues} värden som skrivits in i bladet "${outcome.sheetName}" (de gäller före --members).`);
      err(`Skrev ${o.out} (bladet "${outcome.sheetName}").`);
    }
    return 0;
  } catch (e) {
    return reportInputError(e, err, (p) => (p.plats ? `${relabel(p.plats, o)}: ${p.meddelande}` : p.meddelande));
  }
}

/** Names the command-line flag where a message speaks of "belopp". */
function relabel(plats: string, o: SplitOptions): string {
  if (plats !== "belopp") return plats;
  return o.total !== undefined ? "--total" : o.kommunTotal !== undefined ? "--kommun-total" : "--stat";
}
