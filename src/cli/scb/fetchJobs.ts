/**
 * The bodies of `samkalk scb befolkning | helarsekvivalenter | tabell | sok` (registered by fetchCommands.ts,
 * loaded only when one of them runs, so other commands start without the SCB client and the xlsx writer).
 */
import { toCsv } from "../../sources/csvOutput";
import { InputError } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { bandLabel, populationFromTidy, type AgeBand } from "../../domain/scb/population";
import { importBefolkningTable } from "../../usecases/scb/befolkning";
import {
  helarsekvivalenterFetch,
  helarsekvivalenterQueryProblems,
  populationFetch,
  populationQueryProblems,
  scbClientFor,
  tableFetch,
  findTables,
  type HelarsekvivalenterQuery,
  type PopulationQuery,
} from "../../usecases/scb/fetchAdapters";
import { writeHelarsekvivalenter } from "../../usecases/scb/helarsekvivalenter";
import { writeScbTable } from "../../usecases/scb/scbImport";
import { parseBands, parseCodelists, parseKommuner, parseMonth, parseSelection, parseYears } from "./fetchArgs";
import { fetchWithProgress, printTidy, saveOutcome, tidyOf, type ScbFetchIo } from "./fetchRun";

export { run } from "./fetchRun";

// ---- Commands ----------------------------------------------------------------------------------

export interface BefolkningCli {
  kommuner: string;
  alder: string;
  ar: string;
  lan?: boolean;
  riket?: boolean;
  perKon?: boolean;
  baseUrl?: string;
  out?: string;
  force?: boolean;
  format?: "csv" | "json";
}

export async function befolkning(o: BefolkningCli, io: ScbFetchIo): Promise<number> {
  const q: PopulationQuery = { kommuner: parseKommuner(o.kommuner), bands: parseBands(o.alder), years: parseYears(o.ar), lan: !!o.lan, riket: !!o.riket, perKon: !!o.perKon };
  const problems = populationQueryProblems(q);
  if (problems.length > 0) throw new InputError(problems);
  const now = io.now ?? (() => new Date());
  const client = scbClientFor(o.baseUrl, io.client);
  const fetched = await fetchWithProgress(populationFetch(client, q, { now }), io);
  const bands: AgeBand[] = q.bands.map((b) => ({ fran: b.fran, till: b.till }));
  if (o.out) {
    const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
    await saveOutcome(host, o.force, await importBefolkningTable(host, tidyOf(fetched), fetched.kalla, { bands, today: now() }), o.out, io);
  }
  if (o.format || !o.out) {
    const { rows, varningar } = populationFromTidy(tidyOf(fetched), { bands, kalla: `SCB ${fetched.kalla.tabell}` });
    if (!o.out) varningar.forEach((v) => io.err(`Varning: ${v}`));
    const records = rows.map((r) => ({ regionkod: r.regionkod, region: r.region, alder: bandLabel(r.band), kon: r.kon, ar: r.ar, folkmangd: r.folkmangd }));
    io.out(o.format === "json" ? JSON.stringify({ kalla: fetched.kalla, befolkning: records }, null, 2) + "\n" : toCsv(records));
  }
  return 0;
}

export interface HeCli {
  kommuner: string;
  fran: string;
  till: string;
  riket: boolean;
  kon: "totalt" | "per-kon" | "alla";
  aldersgrupp: "20-64" | "20-65";
  forbund?: string;
  baseUrl?: string;
  out?: string;
  force?: boolean;
  format?: "csv" | "json";
}

export async function helarsekvivalenter(o: HeCli, io: ScbFetchIo): Promise<number> {
  const kommuner = parseKommuner(o.kommuner);
  const q: HelarsekvivalenterQuery = { kommuner, fran: parseMonth(o.fran, "--fran"), till: parseMonth(o.till, "--till"), riket: o.riket, kon: o.kon, aldersgrupp: o.aldersgrupp };
  const problems = helarsekvivalenterQueryProblems(q);
  if (problems.length > 0) throw new InputError(problems);
  const now = io.now ?? (() => new Date());
  const client = scbClientFor(o.baseUrl, io.client);
  const fetched = await fetchWithProgress(helarsekvivalenterFetch(client, q, { now }), io);
  if (o.out) {
    const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
    const forbund = o.forbund ?? (kommuner.length === 1 ? kommunByCode(kommuner[0])!.namn : "Förbundet");
    await saveOutcome(host, o.force, await writeHelarsekvivalenter(host, tidyOf(fetched), fetched.kalla, { forbund, kommuner, today: now() }), o.out, io);
  }
  if (o.format || !o.out) printTidy(tidyOf(fetched), o.format ?? "csv", io);
  return 0;
}

export interface TabellCli {
  val: string[];
  kodlista: string[];
  baseUrl?: string;
  out?: string;
  force?: boolean;
  format?: "csv" | "json";
}

export async function tabell(id: string, o: TabellCli, io: ScbFetchIo): Promise<number> {
  const client = scbClientFor(o.baseUrl, io.client);
  const now = io.now ?? (() => new Date());
  if (o.val.length === 0) {
    // No selection: say what the table has, so the user can write one.
    const meta = await client.getMetadata(id);
    io.out(`${meta.id}: ${meta.label}\n`);
    for (const v of meta.variables) {
      const first = v.values.slice(0, 8).map((x) => (x.label === x.code ? x.code : `${x.code} (${x.label})`));
      const more = v.values.length > first.length ? `, … (${v.values.length} värden)` : "";
      io.out(`  ${v.code} – ${v.label}${v.elimination ? "" : " [måste väljas]"}: ${first.join(", ")}${more}\n`);
    }
    io.err(`Välj värden med --val, t.ex. --val ${meta.variables[0]?.code ?? "Region"}=${meta.variables[0]?.values[0]?.code ?? "00"}. Variabler som inte väljs summeras bort av SCB.`);
    return 0;
  }
  const fetched = await fetchWithProgress(tableFetch(client, { tableId: id, selection: parseSelection(o.val), codelists: o.kodlista.length ? parseCodelists(o.kodlista) : undefined }, { now }), io);
  if (o.out) {
    const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
    await saveOutcome(host, o.force, await writeScbTable(host, tidyOf(fetched), fetched.kalla, { mode: "replace", today: now() }), o.out, io);
  }
  if (o.format || !o.out) printTidy(tidyOf(fetched), o.format ?? "csv", io);
  return 0;
}

export async function sok(text: string, o: { baseUrl?: string }, io: ScbFetchIo): Promise<number> {
  const tables = await findTables(scbClientFor(o.baseUrl, io.client), text);
  if (tables.length === 0) io.err(`Inga tabeller hos SCB matchar "${text}".`);
  for (const t of tables) io.out(`${t.id}\t${t.label ?? ""}\t${t.firstPeriod ?? ""}–${t.lastPeriod ?? ""}${t.discontinued ? "\t(avslutad)" : ""}\n`);
  return 0;
}

