/**
 * exceljs's Workbook, loaded on its own: the package's main module also loads its streaming reader and writer
 * (unzipper, archiver and what they need), which Samkalk never uses. Skipping them saves about 0.3 s of every
 * command that touches a workbook (`samkalk demo` among them). The types are exceljs's own.
 */
import type ExcelJS from "exceljs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Workbook = require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
