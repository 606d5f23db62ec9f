import { InputError } from "../../../domain/errors";
import { AgeBand, AgeCodes, ageCodesFor } from "./ageBands";
import { codesByLabel, TableMetadata, variableByCode } from "./metadata";
import { Codelist } from "./schemas";
import { SelectionInput } from "./selection";

export interface PopulationRequest {
  table: string;
  selection: SelectionInput;
  codelists?: Record<string, string>;
  /** Sum these rows with sumAgeBand (the Alder codes that make up the band). */
  ageCodes: AgeCodes;
}

/**
 * Population by kommun, age band and sex for some years, from TAB638 (to 2024) or a CKM table
 * (from 2025), given the table's metadata (and optionally Alder's codelists).
 */
export function populationRequest(
  meta: TableMetadata,
  opts: { regions: readonly string[]; periods: readonly string[]; band: AgeBand; perKon: boolean; alderCodelists?: readonly Codelist[] },
): PopulationRequest {
  const v = (code: string) => variableByCode(meta, code);
  const alder = v("Alder");
  if (!alder) throw new InputError([{ plats: `tabell ${meta.id}`, meddelande: "Tabellen har ingen variabel Alder." }]);
  const ageCodes = ageCodesFor(alder, opts.band, opts.alderCodelists);
  const selection: Record<string, readonly string[]> = { Region: opts.regions, Alder: ageCodes.codes, Tid: opts.periods };
  const contents = codesByLabel(v("ContentsCode"), /^folkmängd/i);
  if (v("ContentsCode")) selection.ContentsCode = contents.length ? [contents[0]] : [v("ContentsCode")!.values[0].code];
  const kon = v("Kon");
  if (kon) {
    const men = codesByLabel(kon, /^män$/i);
    const women = codesByLabel(kon, /^kvinnor$/i);
    const total = codesByLabel(kon, /totalt|samtliga|båda/i);
    if (opts.perKon) selection.Kon = [...men, ...women];
    else if (total.length) selection.Kon = [total[0]];
    else if (!kon.elimination) selection.Kon = [...men, ...women];
  }
  // Other variables (Civilstand in TAB638) are left out: SCB sums them away.
  for (const other of meta.variables) {
    if (!(other.code in selection) && !other.elimination && other.code !== "Kon") {
      throw new InputError([{ plats: `tabell ${meta.id}`, meddelande: `Variabeln ${other.code} måste väljas men Samkalk vet inte vilket värde.` }]);
    }
  }
  return { table: meta.id, selection, ...(ageCodes.codelist ? { codelists: { Alder: ageCodes.codelist } } : {}), ageCodes };
}
