/**
 * The SCB part of `samkalk demo`: the Befolkning sheet for the förbund's kommuner from the embedded
 * real 2019 figures (16–64 and 20–64), and the Helårsekvivalenter analysis from SYNTHETIC data —
 * labelled "syntetiska exempeldata" on the sheets and in Källor — since Samkalk ships no real
 * helårsekvivalenter. Throws InputError if a job refuses.
 */
import { InputError } from "../domain/errors";
import type { WorkbookHost } from "../hosts/host";
import { syntheticHelarsekvivalenter } from "../samples/syntheticHelarsekvivalenter";
import { writeEmbeddedBefolkning } from "../usecases/scb/befolkning";
import { writeHelarsekvivalenter } from "../usecases/scb/helarsekvivalenter";

export async function writeScbDemoSheets(host: WorkbookHost, kommuner: string[], forbund: string, today = new Date()): Promise<string[]> {
  const befolkning = await writeEmbeddedBefolkning(host, kommuner, { today });
  if (!befolkning.ok) throw new InputError(befolkning.problems);
  const table = syntheticHelarsekvivalenter({ kommuner, fromYear: 2014, toYear: 2025, lastMonth: 6 });
  const kalla = { typ: "Syntetiska exempeldata", tabell: table.meta.tableId, titel: table.meta.title, hamtad: today };
  const he = await writeHelarsekvivalenter(host, table, kalla, { forbund, kommuner, today, syntetisk: true });
  if (!he.ok) throw new InputError(he.problems);
  return [...new Set([...befolkning.sheets, ...he.sheets])];
}
