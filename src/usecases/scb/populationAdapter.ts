/**
 * Population (kommuner, their län, riket; an age band or several; kön; years) as FetchRows: TAB638
 * through 2024, the CKM table TAB5557 from 2025, age groups asked for directly and summed to the band.
 */
import { InputError, type InputProblem } from "../../domain/errors";
import { regionNameForCode } from "../../domain/scb/regions";
import type { TidyRow } from "../../domain/scb/tidy";
import { bandLabel as popBandLabel, type AgeBand as PopBand } from "../../domain/scb/population";
import {
  DATASETS,
  ScbApiError,
  ScbClient,
  populationRequest,
  populationTableFor,
  type Codelist,
  type FetchedDataset,
  type MetaVariable,
  type TableMetadata,
} from "../../sources/scb/api";
import type { FetchRows, FetchedTable } from "./kallor";
import { batchOptions, periodSpan, problems, runParts, scbApiKalla, timeVariable, type AdapterOptions } from "./adapterSupport";
import { kommunProblems, regionCodes } from "./regions";
import { appendAll } from "../../domain/arrays";

export interface PopulationQuery {
  kommuner: readonly string[];
  /** Also the kommuner's län. */
  lan?: boolean;
  /** Also riket. */
  riket?: boolean;
  /** Age bands, inclusive (16–64, 20–64, or the user's own). */
  bands: readonly { fran: number; till: number }[];
  years: readonly number[];
  /** Män and kvinnor (the sheet adds totalt); otherwise both sexes together. */
  perKon?: boolean;
}

export const FIRST_POPULATION_YEAR = 1968;

/** What is wrong with a population query before anything is fetched (Swedish, located). */
export function populationQueryProblems(q: PopulationQuery): InputProblem[] {
  const out = kommunProblems(q.kommuner);
  if (q.bands.length === 0) out.push({ plats: "åldersgrupp", meddelande: "Välj en åldersgrupp." });
  for (const b of q.bands) {
    if (!Number.isInteger(b.fran) || !Number.isInteger(b.till) || b.fran < 0 || b.till > 99 || b.fran > b.till) {
      out.push({ plats: "åldersgrupp", meddelande: `Åldersgruppen ${b.fran}–${b.till} går inte att hämta: ange två hela åldrar mellan 0 och 99, den första inte större än den andra.` });
    }
  }
  if (q.years.length === 0) out.push({ plats: "år", meddelande: "Välj minst ett år." });
  const bad = q.years.filter((y) => !Number.isInteger(y) || y < FIRST_POPULATION_YEAR || y > 2200);
  if (bad.length > 0) out.push({ plats: "år", meddelande: `SCB:s folkmängd per kommun finns från ${FIRST_POPULATION_YEAR}; ${bad.join(", ")} går inte att hämta.` });
  return out;
}

/** Years from–till inclusive; [] if till < fran. */
export function yearRange(fran: number, till: number): number[] {
  const out: number[] = [];
  for (let y = fran; y <= till && out.length < 300; y++) out.push(y);
  return out;
}

/** Alder's aggregations (5- and 10-year classes) for a CKM table; ones SCB cannot give are skipped. */
async function ageCodelists(client: ScbClient, alder: MetaVariable | undefined, signal: AbortSignal): Promise<Codelist[]> {
  const out: Codelist[] = [];
  for (const cl of alder?.codelists ?? []) {
    if (!/^agg/i.test(cl.id) && !/aggregation/i.test(cl.type)) continue;
    try {
      out.push(await client.getCodelist(cl.id, signal));
    } catch (e) {
      if (e instanceof ScbApiError && e.kind === "finns-inte") continue;
      throw e;
    }
  }
  return out;
}

interface PopulationPart {
  table: string;
  meta: TableMetadata;
  ckm: boolean;
  selection: Record<string, readonly string[]>;
  codelists?: Record<string, string>;
  bands: { band: PopBand; codes: string[] }[];
}

/**
 * Population by region, age band, kön and year as FetchRows. Each band is asked for as the fewest Alder
 * codes that cover it (single years in TAB638, whose parts add up exactly; 5- or 10-year groups in the
 * CKM tables, whose cells carry noise) and summed here to one row per region, band, kön and year, with
 * the dimensions "ålder" ("20–64 år") and "kön" ("totalt", or "män"/"kvinnor").
 */
export function populationFetch(client: ScbClient, q: PopulationQuery, opts: AdapterOptions = {}): FetchRows {
  return async (signal, onProgress) => {
    problems(populationQueryProblems(q));
    const regions = regionCodes(q.kommuner, q.lan, q.riket);
    const years = [...new Set(q.years)].sort((a, b) => a - b);
    const byTable = new Map<string, number[]>();
    for (const y of years) {
      const id = populationTableFor(y).tableId!;
      byTable.set(id, [...(byTable.get(id) ?? []), y]);
    }
    onProgress(0, "Läser tabellernas beskrivning hos SCB");
    const parts: PopulationPart[] = [];
    for (const [table, tableYears] of byTable) {
      const meta = await client.getMetadata(table, signal);
      const tid = timeVariable(meta);
      const have = new Set(tid?.values.map((v) => v.code) ?? []);
      const missing = tableYears.filter((y) => !have.has(String(y)));
      if (missing.length > 0) {
        throw new InputError([
          {
            plats: `SCB, tabell ${table}`,
            meddelande: `SCB har ingen folkmängd för ${missing.join(", ")} i tabellen ${table} (${meta.label}); den har ${periodSpan(tid)}. Välj andra år.`,
          },
        ]);
      }
      const regionVar = meta.variables.find((v) => v.code === "Region");
      const absent = regionVar ? regions.filter((r) => !regionVar.values.some((v) => v.code === r)) : [];
      if (absent.length > 0) {
        throw new InputError([{ plats: `SCB, tabell ${table}`, meddelande: `Tabellen ${table} har inte regionerna ${absent.map((r) => `${r} ${regionNameForCode(r) ?? r}`).join(", ")}.` }]);
      }
      const ckm = table !== DATASETS.befolkning.tableId;
      const alder = meta.variables.find((v) => v.code === "Alder");
      const lists = ckm ? await ageCodelists(client, alder, signal) : [];
      // One request per Alder codelist: bands that use the same one share it.
      const groups = new Map<string, PopulationPart>();
      for (const band of q.bands) {
        const req = populationRequest(meta, {
          regions,
          periods: tableYears.map(String),
          band: { from: band.fran, to: band.till },
          perKon: q.perKon ?? false,
          alderCodelists: lists,
        });
        if (ckm && q.perKon && req.selection.Kon !== undefined && req.selection.Kon !== "*") {
          // Noise: the CKM table's own total is closer than män + kvinnor, so ask for it as well.
          const total = meta.variables.find((v) => v.code === "Kon")?.values.find((v) => /^(totalt|samtliga)/i.test(v.label));
          if (total && !req.selection.Kon.includes(total.code)) req.selection.Kon = [total.code, ...req.selection.Kon];
        }
        const key = req.codelists?.Alder ?? "";
        const g = groups.get(key);
        const popBand: PopBand = { fran: band.fran, till: band.till };
        if (!g) {
          groups.set(key, { table, meta, ckm, selection: { ...(req.selection as Record<string, readonly string[]>) }, codelists: req.codelists, bands: [{ band: popBand, codes: req.ageCodes.codes }] });
        } else {
          g.selection = { ...g.selection, Alder: [...new Set([...g.selection.Alder, ...req.ageCodes.codes])] };
          g.bands.push({ band: popBand, codes: req.ageCodes.codes });
        }
      }
      appendAll(parts, groups.values());
    }

    const fetched = await runParts(
      parts,
      onProgress,
      (p, onBatch) =>
        client.fetchDataset(p.table, p.selection, { codelists: p.codelists, ...batchOptions(opts, signal, onBatch) }),
      (p) => p.table,
    );
    opts.onReport?.(fetched.map((f) => f.report));

    const rows: TidyRow[] = [];
    const notes: string[] = [];
    fetched.forEach((f, i) => {
      appendAll(rows, bandRows(f, parts[i].bands));
      if (parts[i].ckm) {
        notes.push(`${parts[i].table}: SCB skyddar tabellen med Cell Key Method (litet slumpat brus per cell); åldersgrupperna är hämtade direkt och summerade, så summan kan skilja några personer från en total.`);
      }
    });
    const tables = [...new Set(parts.map((p) => p.table))];
    const fraga = parts.map((p) => ({ tabell: p.table, urval: p.selection, ...(p.codelists ? { kodlistor: p.codelists } : {}) }));
    const titel = [...new Set(parts.map((p) => p.meta.label))].join(" / ");
    const kalla = scbApiKalla(client, opts, tables, titel, fraga.length === 1 ? fraga[0] : fraga);
    const result: FetchedTable = { rows, dimensions: ["ålder", "kön"], notes, kalla };
    return result;
  };
}

/** SCB's kön labels as the Befolkning sheet has them: "män", "kvinnor", "totalt" ("totalt, samtliga män och kvinnor"). */
function konText(label: string): string {
  const t = label.trim().toLowerCase();
  if (t === "män" || t === "kvinnor") return t;
  return /^(totalt|samtliga|båda|män och kvinnor|kvinnor och män)/.test(t) ? "totalt" : label;
}

/** One row per region, band, kön and period: the band's Alder parts summed (missing if a part is). */
function bandRows(f: FetchedDataset, bands: PopulationPart["bands"]): TidyRow[] {
  const ds = f.dataset;
  const ageKey = ds.dimension.Alder?.label ?? "Alder";
  const konKey = ds.id.includes("Kon") ? (ds.dimension.Kon?.label ?? "Kon") : undefined;
  const alder = f.selection.variables.find((v) => v.code === "Alder");
  const labelOf = new Map((alder?.values ?? []).map((v) => [v.code, v.label]));
  const out: TidyRow[] = [];
  for (const { band, codes } of bands) {
    const labels = new Set(codes.map((c) => labelOf.get(c) ?? c));
    const label = popBandLabel(band);
    const groups = new Map<string, { row: TidyRow; sum: number | null; parts: number; status: string | null }>();
    for (const r of f.table.rows) {
      if (!labels.has(r.dimensions[ageKey] ?? "")) continue;
      const kon = konKey ? konText(r.dimensions[konKey] ?? "") : "totalt";
      const key = `${r.regionkod}\u0000${r.period}\u0000${kon}`;
      let g = groups.get(key);
      if (!g) {
        g = { row: { regionkod: r.regionkod, region: r.region, dimensions: { ålder: label, kön: kon }, period: r.period, varde: null, status: null }, sum: 0, parts: 0, status: null };
        groups.set(key, g);
      }
      g.parts++;
      if (r.varde === null || g.sum === null) {
        g.sum = null;
        g.status = g.status ?? r.status ?? "..";
      } else g.sum += r.varde;
    }
    for (const g of groups.values()) {
      const complete = g.parts === labels.size && g.sum !== null;
      out.push({ ...g.row, varde: complete ? g.sum : null, status: complete ? null : (g.status ?? "..") });
    }
  }
  return out;
}
