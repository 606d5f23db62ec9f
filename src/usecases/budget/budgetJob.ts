// The budget jobs' public names in one place, so importers need not know which file holds which job.
export * from "./budgetSettings";
export type { EditedSheetDecision } from "../writeSheets";
export type { BudgetJobOptions } from "./budgetJobCommon";
export { importBudgetFromSelection, importBudgetJob, readBudgetJob, type BudgetImportOutcome, type BudgetReadOutcome } from "./importBudgetJob";
export { baseFromImport, parseBudgetTable, type ProjectionBase } from "./budgetTableReader";
export { runBudgetProjectionJob, type BudgetProjectionOutcome } from "./projectionJob";
export { runBudgetFollowUpJob, type BudgetFollowUpOutcome } from "./followUpJob";
