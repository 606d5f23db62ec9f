/**
 * The board pack from a blank workbook through the Office host on the strict fake: Umeåregionen's shipped
 * profile with the demo's data (seed 004's budget, seed 001's twelve initiatives, synthetic
 * helårsekvivalenter), first build and rebuild: syncs, largest request, time on the fake.
 */
import { performance } from "node:perf_hooks";
import { umearegionenPackSources } from "../src/demo/demoWorkbook";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../src/hosts/office/officeHost";
import { UMEAREGIONEN_PROFILE } from "../src/samples/umearegionenProfile";
import { buildBoardPack } from "../src/usecases/pack/boardPack";
import { createFakeOffice } from "../test/fakes/excelFake";

export async function packThroughOffice(): Promise<{ lines: string[]; firstSyncs: number; rebuildSyncs: number }> {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: () => true });
  const store = createOfficeSettingsStore(fake.settings);
  const lines: string[] = [];
  let firstSyncs = 0;
  let rebuildSyncs = 0;
  for (const run of ["blank workbook", "rebuild"]) {
    fake.resetStats();
    const t0 = performance.now();
    const out = await buildBoardPack(host, UMEAREGIONEN_PROFILE, umearegionenPackSources(), { store });
    const ms = performance.now() - t0;
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const largest = fake.stats.payloadBytes.reduce((a, b) => Math.max(a, b), 0);
    if (run === "blank workbook") firstSyncs = fake.stats.syncs;
    else rebuildSyncs = fake.stats.syncs;
    lines.push(`  ${run}: ${out.sheets.length} sheets, ${fake.stats.syncs} syncs, largest request ${(largest / 1024).toFixed(0)} KB (limit 5 MB), ${ms.toFixed(0)} ms on the fake`);
  }
  return { lines, firstSyncs, rebuildSyncs };
}

if (require.main === module) void packThroughOffice().then((r) => r.lines.forEach((l) => console.log(l)));
