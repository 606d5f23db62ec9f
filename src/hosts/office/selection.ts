/** The user's selection as the Office host reads it (readSelection): 1 sync. */
import type { Selection } from "../host";
import { areaRefs, cellAddress } from "../../domain/a1";
import { toReadValue } from "./sheetState";

/** The selected cells' values and position, with the merged areas that overlap them when `withMerged` (ExcelApi 1.13). */
export async function readSelection(context: Excel.RequestContext, withMerged: boolean): Promise<Selection> {
  const range = context.workbook.getSelectedRange().load("address,values,rowIndex,columnIndex,worksheet/name");
  // Merged areas in the same sync; without them the host cannot tell, and says nothing.
  const mergedAreas = withMerged ? range.getMergedAreasOrNullObject().load("areas/items/address") : null;
  try {
    await context.sync();
  } catch (e) {
    throw new Error(
      `Markeringen kunde inte läsas. Markera ett sammanhängande område med tabellen, inte hela kolumner eller rader. ${(e as Error).message}`,
    );
  }
  const merged =
    mergedAreas === null ? undefined : mergedAreas.isNullObject ? [] : mergedAreas.areas.items.flatMap((a) => areaRefs(a.address));
  return {
    sheetName: range.worksheet.name,
    topLeft: cellAddress(range.rowIndex, range.columnIndex),
    row: range.rowIndex,
    col: range.columnIndex,
    values: range.values.map((row) => row.map(toReadValue)),
    ...(merged ? { merged } : {}),
  };
}
