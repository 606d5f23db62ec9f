/** Any SCB table by id, with a selection built from its metadata, as FetchRows. */
import { InputError } from "../../domain/errors";
import { ScbClient, type SelectionInput } from "../../sources/scb/api";
import type { FetchRows } from "./kallor";
import { batchOptions, datasetTable, runParts, scbApiKalla, type AdapterOptions } from "./adapterSupport";

export interface TableQuery {
  tableId: string;
  /** Per variable code: value codes, "*" or patterns ("01*"); variables left out are summed away by SCB. */
  selection: SelectionInput;
  codelists?: Record<string, string>;
}

/** Any table by id, with the user's selection, as FetchRows (rows as SCB gives them). */
export function tableFetch(client: ScbClient, q: TableQuery, opts: AdapterOptions = {}): FetchRows {
  return async (signal, onProgress) => {
    const id = q.tableId.trim();
    if (id === "") throw new InputError([{ plats: "tabell", meddelande: "Välj en tabell först (sök på namn eller id, t.ex. TAB638)." }]);
    onProgress(0, "Läser tabellens beskrivning hos SCB");
    const [f] = await runParts(
      [q],
      onProgress,
      (t, onBatch) => client.fetchDataset(id, t.selection, { codelists: t.codelists, ...batchOptions(opts, signal, onBatch) }),
      () => id,
    );
    opts.onReport?.([f.report]);
    const urval = Object.fromEntries(f.selection.variables.map((v) => [v.code, v.values.map((x) => x.code)]));
    const fraga = { tabell: id, urval, ...(q.codelists ? { kodlistor: q.codelists } : {}) };
    return datasetTable(f, scbApiKalla(client, opts, [id], f.metadata.label, fraga));
  };
}
