import type { InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import type { SettingsStore, WorkbookHost } from "../../hosts/host";
import type { TableMetadata } from "../../sources/scb/api";
import { fetchBefolkning } from "../../usecases/scb/befolkning";
import {
  helarsekvivalenterFetch,
  helarsekvivalenterQueryProblems,
  populationFetch,
  populationQueryProblems,
  scbClientFor,
  tableFetch,
  tableSelection,
  yearRange,
  type HelarsekvivalenterQuery,
  type PopulationQuery,
} from "../../usecases/scb/fetchAdapters";
import { normaliseBaseUrl, saveScbFetchSettings, type ScbFetchSettings } from "../../usecases/scb/fetchSettings";
import { fetchHelarsekvivalenter } from "../../usecases/scb/helarsekvivalenter";
import { fail, problemsOf, type ScbOutcome } from "../../usecases/scb/kallor";
import { fetchScbTable } from "../../usecases/scb/scbImport";

/** What one press of Hämta works from: the form as it stands and the workbook to write to. */
export interface ScbFetchRequest {
  settings: ScbFetchSettings;
  /** The address as typed under Avancerat, even if the field has not been left yet. */
  baseUrlText: string;
  /** The chosen table's metadata (dataset "tabell"). */
  meta: TableMetadata | null;
  /** The region codes of the chosen kommuner, län and riket. */
  regions: string[];
  /** The fee split's förbund, the name helårsekvivalenter falls back on. */
  feeForbund: string | undefined;
  createHost: () => WorkbookHost;
  settingsStore: SettingsStore;
}

/**
 * The fetch of the chosen dataset (population, helårsekvivalenter or a table) from SCB's API, refused
 * with located problems before anything is asked for; the settings are stored once it has written.
 */
export async function runScbFetch(
  req: ScbFetchRequest,
  signal: AbortSignal,
  onProgress: (step: string, fraction: number) => void,
): Promise<ScbOutcome> {
  const { settings: st, meta, createHost } = req;
  let client;
  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(req.baseUrlText);
    client = scbClientFor(baseUrl);
  } catch (e) {
    return fail(problemsOf(e));
  }
  const opts = { signal, onProgress };
  const check = (problems: InputProblem[]) => (problems.length > 0 ? fail(problems) : null);
  let outcome: ScbOutcome;
  if (st.dataset === "befolkning") {
    const q: PopulationQuery = { kommuner: st.kommuner, lan: st.lan, riket: st.riket, bands: [{ fran: st.alderFran, till: st.alderTill }], years: yearRange(st.arFran, st.arTill), perKon: st.perKon };
    const refused = check(
      st.arFran > st.arTill ? [{ plats: "år", meddelande: `Från-året ${st.arFran} ligger efter till-året ${st.arTill}.` }] : populationQueryProblems(q),
    );
    if (refused) return refused;
    outcome = await fetchBefolkning(createHost(), populationFetch(client, q), { ...opts, bands: [...q.bands] });
  } else if (st.dataset === "helarsekvivalenter") {
    const q: HelarsekvivalenterQuery = { kommuner: st.kommuner, riket: st.riket, fran: st.manadFran, till: st.manadTill };
    const refused = check(helarsekvivalenterQueryProblems(q));
    if (refused) return refused;
    const forbund = st.forbund.trim() || req.feeForbund || (st.kommuner.length === 1 ? (kommunByCode(st.kommuner[0])?.namn ?? "Förbundet") : "Förbundet");
    outcome = await fetchHelarsekvivalenter(createHost(), helarsekvivalenterFetch(client, q), { ...opts, forbund, kommuner: st.kommuner });
  } else {
    if (!meta) return fail([{ plats: "tabell", meddelande: "Sök och välj en tabell först." }]);
    const regionVar = meta.variables.find((v) => /^region$/i.test(v.code));
    let selection;
    try {
      selection = tableSelection(meta, { ...st.tabellVal, ...(regionVar ? { [regionVar.code]: req.regions } : {}) });
    } catch (e) {
      return fail(problemsOf(e));
    }
    outcome = await fetchScbTable(createHost(), tableFetch(client, { tableId: meta.id, selection }), opts);
  }
  if (outcome.ok) await saveScbFetchSettings(req.settingsStore, { ...st, baseUrl }).catch(() => undefined);
  return outcome;
}
