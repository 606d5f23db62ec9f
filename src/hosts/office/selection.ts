/**
 * The user's selection as the Office host reads it (readSelection): 2 syncs. The first reads only its address
 * and size, so that a selection too large to read (whole columns, a pasted extract of millions of cells) is
 * refused before any value is read, with a message that says what to select instead; the second reads the values.
 */
import type { Selection } from "../host";
import { areaRefs, cellAddress } from "../../domain/a1";
import { InputError, formatCount } from "../../domain/errors";
import { toReadValue } from "./sheetState";

/**
 * The most cells read from a selection: about what one response of Excel on the web (5 MB) carries, and far more
 * than a budget, an initiatives table or an SCB extract of a few hundred thousand values needs.
 */
export const MAX_SELECTION_CELLS = 500_000;

/** Why a selection of rows × cols is too large to read, or null. */
export function selectionSizeMessage(rows: number, cols: number): string | null {
  const cells = rows * cols;
  if (cells <= MAX_SELECTION_CELLS) return null;
  const whole = rows === 1_048_576 ? " – hela kolumner är markerade" : cols === 16_384 ? " – hela rader är markerade" : "";
  return (
    `Markeringen är ${formatCount(rows)} rader × ${formatCount(cols)} kolumner (${formatCount(cells)} celler${whole}); Samkalk läser högst ` +
    `${formatCount(MAX_SELECTION_CELLS)} celler ur en markering. Markera bara tabellen, från rubrikraden till sista raden med data ` +
    `(klicka i tabellen och tryck Ctrl+A), eller spara ett stort SCB-utdrag som fil och välj filen. Inget har lästs.`
  );
}

/** The selected cells' values and position, with the merged areas that overlap them when `withMerged` (ExcelApi 1.13). */
export async function readSelection(context: Excel.RequestContext, withMerged: boolean): Promise<Selection> {
  const range = context.workbook.getSelectedRange().load("address,rowCount,columnCount,rowIndex,columnIndex,worksheet/name");
  const cannotRead = (e: unknown) =>
    new Error(`Markeringen kunde inte läsas. Markera ett sammanhängande område med tabellen, inte hela kolumner eller rader. ${(e as Error).message}`);
  try {
    await context.sync();
  } catch (e) {
    throw cannotRead(e);
  }
  const tooLarge = selectionSizeMessage(range.rowCount, range.columnCount);
  if (tooLarge) throw new InputError([{ plats: `bladet "${range.worksheet.name}", området ${range.address.replace(/^.*!/, "")}`, meddelande: tooLarge }]);
  range.load("values");
  // Merged areas in the same sync; without them the host cannot tell, and says nothing.
  const mergedAreas = withMerged ? range.getMergedAreasOrNullObject().load("areas/items/address") : null;
  try {
    await context.sync();
  } catch (e) {
    throw cannotRead(e);
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
