import { z } from "zod";
import { categoryCodes, JsonStatDataset, V1MetadataSchema } from "./schemas";

/** One value of a variable (or of a codelist applied to it). */
export interface MetaValue {
  code: string;
  label: string;
}

export interface MetaVariable {
  code: string;
  label: string;
  values: MetaValue[];
  /** May be left out of a query (SCB then sums it away or uses eliminationValueCode). */
  elimination: boolean;
  eliminationValueCode?: string;
  time: boolean;
  /** Codelists SCB offers for the variable (aggregations such as agg_Ålder5år, valuesets such as vs_RegionKommun07). */
  codelists: { id: string; label: string; type: string }[];
}

/** A table's structure, the same whether it came from v2 json-stat2 metadata or v1 `{title, variables}`. */
export interface TableMetadata {
  /** v2 id ("TAB638") or v1 path ("BE/BE0101/BE0101A/BefolkningNy"). */
  id: string;
  label: string;
  updated?: string;
  notes: string[];
  variables: MetaVariable[];
  api: "v2" | "v1";
}

export function metadataFromJsonStat(ds: JsonStatDataset, id: string): TableMetadata {
  const timeIds = new Set(ds.role?.time ?? []);
  const variables = ds.id.map((code): MetaVariable => {
    const dim = ds.dimension[code];
    const codes = categoryCodes(dim) ?? [];
    const ext = dim.extension;
    return {
      code,
      label: dim.label ?? code,
      values: codes.map((c) => ({ code: c, label: dim.category.label?.[c] ?? c })),
      elimination: ext?.elimination ?? false,
      eliminationValueCode: ext?.eliminationValueCode,
      time: timeIds.size > 0 ? timeIds.has(code) : /^tid$/i.test(code),
      codelists: (ext?.codelists ?? []).map((c) => ({ id: c.id, label: c.label, type: c.type })),
    };
  });
  return { id, label: ds.label ?? id, updated: ds.updated, notes: ds.note ?? [], variables, api: "v2" };
}

export function metadataFromV1(v1: z.infer<typeof V1MetadataSchema>, path: string): TableMetadata {
  return {
    id: path,
    label: v1.title,
    notes: [],
    api: "v1",
    variables: v1.variables.map((v) => ({
      code: v.code,
      label: v.text,
      values: v.values.map((c, i) => ({ code: c, label: v.valueTexts[i] })),
      elimination: v.elimination ?? false,
      time: v.time ?? false,
      codelists: [],
    })),
  };
}

/** The table's variable with this code, if it has one. */
export function variableByCode(meta: TableMetadata, code: string): MetaVariable | undefined {
  return meta.variables.find((x) => x.code === code);
}

/** Codes of the variable's values whose label matches `re` ([] without the variable). */
export function codesByLabel(v: MetaVariable | undefined, re: RegExp): string[] {
  return v ? v.values.filter((x) => re.test(x.label)).map((x) => x.code) : [];
}
