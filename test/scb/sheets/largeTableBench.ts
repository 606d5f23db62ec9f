/**
 * A very large tidy SCB table written through the Office host on the strict fake: the figures the
 * test checks and `npm run bench` prints (context.sync() calls, the chunks Excel on the web's 5 MB
 * request limit forces, request sizes, time).
 */
import { performance } from "node:perf_hooks";
import type { TidyRow, TidyTable } from "../../../src/domain/scb/tidy";
import { DEFAULT_PAYLOAD_BUDGET_BYTES, EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../../src/hosts/office/payload";
import { planSheetWrite } from "../../../src/hosts/office/writePlan";
import { buildTidySheet } from "../../../src/sheets/scb/tidySheet";
import type { SheetSpec } from "../../../src/sheets/spec";
import { officeSetup } from "./scbTestSupport";

const KOMMUNER = ["2480 Umeå", "2460 Vännäs", "2401 Nordmaling", "2404 Vindeln", "2409 Robertsfors", "2403 Bjurholm"];

/** `n` observations shaped like a monthly SCB table: region × kön × ålder × month, some values "..". */
export function largeTidyTable(n: number): TidyTable {
  const rows: TidyRow[] = new Array<TidyRow>(n);
  const kon = ["män", "kvinnor", "totalt"];
  for (let i = 0; i < n; i++) {
    const [kod, ...name] = KOMMUNER[i % KOMMUNER.length].split(" ");
    const month = Math.floor(i / 18) % 12;
    rows[i] = {
      regionkod: kod,
      region: name.join(" "),
      dimensions: { kön: kon[i % 3], ålder: `${20 + (Math.floor(i / 3) % 45)} år` },
      period: `${2014 + Math.floor(i / 216)}M${String(month + 1).padStart(2, "0")}`,
      varde: i % 97 === 0 ? null : 1000 + (i % 5000) + 0.5,
      status: i % 97 === 0 ? ".." : null,
    };
  }
  return { rows, dimensions: ["kön", "ålder"], notes: ["Stort syntetiskt testbord."] };
}

export function largeTidySpec(n: number): SheetSpec {
  return buildTidySheet({ sheetName: "SCB Stor tabell", title: "Stor tabell", kallaText: "Källa: syntetisk", table: largeTidyTable(n) });
}

export interface LargeTableFigures {
  rows: number;
  /** context.sync() calls of writeSheet (the first only looks at the workbook). */
  writeSyncs: number;
  /** Row chunks the plan needed (1 when everything fits in one request). */
  chunks: number;
  /** The fewest chunks any split could use: the estimated bytes over the per-request budget. */
  minimumChunks: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
  limitBytes: number;
  ms: number;
}

export async function benchLargeTidyTable(n: number): Promise<LargeTableFigures> {
  const spec = largeTidySpec(n);
  const plan = planSheetWrite(spec, DEFAULT_PAYLOAD_BUDGET_BYTES);
  const { fake, host } = officeSetup();
  const state = await host.inspectSheet(spec.name, []);
  fake.resetStats();
  const t0 = performance.now();
  const report = await host.writeSheet(spec, state);
  const ms = performance.now() - t0;
  const total = plan.batchBytes.reduce((a, b) => a + b, 0);
  return {
    rows: n,
    writeSyncs: report.syncs,
    chunks: plan.batches.length,
    minimumChunks: Math.ceil(total / DEFAULT_PAYLOAD_BUDGET_BYTES),
    largestRequestBytes: Math.max(...fake.stats.payloadBytes),
    totalRequestBytes: fake.stats.payloadBytes.reduce((a, b) => a + b, 0),
    limitBytes: EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
    ms,
  };
}
