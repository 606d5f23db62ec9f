/**
 * How often one SCB fetch reads its table's metadata (target: once per run), over real HTTP against the replay
 * server (recorded metadata, synthetic cubes): a befolkning fetch for Umeåregionen and a helårsekvivalenter fetch.
 */
import { XlsxWorkbookHost } from "../src/hosts/xlsx/xlsxHost";
import { UMEAREGIONEN_KODER } from "../src/demo/demoWorkbook";
import { fetchBefolkning } from "../src/usecases/scb/befolkning";
import { helarsekvivalenterFetch, populationFetch, scbClientFor } from "../src/usecases/scb/fetchAdapters";
import { fetchHelarsekvivalenter } from "../src/usecases/scb/helarsekvivalenter";
import { startReplayServer } from "../test/scb/replay/replayServer";

export interface MetadataReads {
  fetch: string;
  metadataGets: number;
  dataPosts: number;
}

export async function scbMetadataReads(): Promise<MetadataReads[]> {
  const server = await startReplayServer();
  try {
    server.setConfig({ maxDataCells: 150000, maxCallsPerTimeWindow: 1000, timeWindow: 10 });
    const today = new Date("2026-03-02T08:15:00Z");
    const now = () => today;
    const count = (fetch: string): MetadataReads => {
      const calls = server.calls;
      const out = {
        fetch,
        metadataGets: calls.filter((c) => c.method === "GET" && c.path.endsWith("/metadata")).length,
        dataPosts: calls.filter((c) => c.method === "POST" && c.path.endsWith("/data")).length,
      };
      server.reset();
      return out;
    };
    // A new client per run: what one click in the task pane or one command does.
    const bands = [{ fran: 20, till: 64 }];
    const befolkning = await fetchBefolkning(
      new XlsxWorkbookHost(),
      populationFetch(scbClientFor(server.v2), { kommuner: UMEAREGIONEN_KODER, lan: true, riket: true, bands, years: [2019] }, { now }),
      { today, bands },
    );
    if (!befolkning.ok) throw new Error(JSON.stringify(befolkning.problems));
    const rows = [count("befolkning (Umeåregionen, 2019)")];
    const he = await fetchHelarsekvivalenter(
      new XlsxWorkbookHost(),
      helarsekvivalenterFetch(scbClientFor(server.v2), { kommuner: UMEAREGIONEN_KODER, fran: "2023M01", till: "2024M12" }, { now }),
      { today, forbund: "Samordningsförbundet Umeåregionen", kommuner: UMEAREGIONEN_KODER },
    );
    if (!he.ok) throw new Error(JSON.stringify(he.problems));
    rows.push(count("helårsekvivalenter (Umeåregionen, 2023M01–2024M12)"));
    return rows;
  } finally {
    await server.stop();
  }
}
