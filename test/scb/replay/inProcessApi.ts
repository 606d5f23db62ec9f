import { TableApi } from "../../../src/sources/scb/api/fetchDataset";
import { metadataFromJsonStat } from "../../../src/sources/scb/api/metadata";
import { Codelist, DataDatasetSchema, JsonStatDataset } from "../../../src/sources/scb/api/schemas";
import { VariableSelection } from "../../../src/sources/scb/api/selection";
import { Cube, subsetCube } from "./cube";

/**
 * The replay server's cube logic without HTTP, as a TableApi: for property tests that run
 * hundreds of fetches. Every answer still goes through the client's zod schema.
 */
export function inProcessApi(
  cube: Cube,
  metadata: JsonStatDataset,
  maxDataCells: number,
  codelists: Codelist[] = [],
): TableApi & { requests: VariableSelection[][] } {
  const requests: VariableSelection[][] = [];
  return {
    requests,
    limits: async () => ({ maxDataCells }),
    metadata: async (table) => metadataFromJsonStat(metadata, table),
    codelist: async (id) => {
      const cl = codelists.find((c) => c.id === id);
      if (!cl) throw new Error(`no codelist ${id}`);
      return cl;
    },
    data: async (_table, selection) => {
      requests.push(selection);
      const cells = selection.reduce((n, s) => n * s.valueCodes.length, 1);
      if (cells > maxDataCells) throw new Error(`request of ${cells} cells exceeds ${maxDataCells}`);
      const ds = subsetCube(
        cube,
        selection.map((s) => ({ variableCode: s.variableCode, valueCodes: s.valueCodes, codelistId: s.codelist, codelist: codelists.find((c) => c.id === s.codelist) })),
      );
      if (!("id" in ds)) throw new Error(ds.detail);
      // Through JSON and the schema, as over HTTP.
      return DataDatasetSchema.parse(JSON.parse(JSON.stringify(ds)));
    },
  };
}
