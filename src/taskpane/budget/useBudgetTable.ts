import * as React from "react";
import { BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import type { WorkbookHost } from "../../hosts/host";
import { tableInfo, type BudgetForm, type RawTable } from "./budgetForm";

type SetForm = React.Dispatch<React.SetStateAction<BudgetForm>>;

/**
 * The Samkalk_Budget table as it is in the workbook (read on mount and on `refresh`): its years and the
 * base year's members. A base year the table does not have becomes its first year.
 */
export function useBudgetTable(createHost: () => WorkbookHost, basAr: number | null, setForm: SetForm) {
  const [table, setTable] = React.useState<RawTable | null>(null);
  const refresh = React.useCallback(async () => {
    try {
      const state = await createHost().inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
      const body = state.tables[BUDGET_TABLE];
      setTable(body ? { header: state.tableHeaders[BUDGET_TABLE] ?? [], body } : null);
    } catch {
      // Not known: the projection says so when it runs.
    }
  }, [createHost]);
  React.useEffect(() => {
    void refresh();
  }, [refresh]);
  const info = React.useMemo(() => tableInfo(table, basAr), [table, basAr]);
  const tableYears = React.useMemo(() => info?.ar ?? [], [info]);
  React.useEffect(() => {
    if (tableYears.length > 0) setForm((prev) => (prev.basAr !== null && tableYears.includes(prev.basAr) ? prev : { ...prev, basAr: tableYears[0] }));
  }, [tableYears, setForm]);
  return { info, tableYears, refresh };
}

/**
 * The equity at the end of the base year, from the budget imported now (`setEquity`, by year): filled
 * into the form's opening equity unless the user typed another.
 */
export function useImportedEquity(basAr: number | null, setForm: SetForm) {
  const [equity, setEquity] = React.useState<Record<number, string>>({});
  const autoEk = basAr !== null ? equity[basAr] : undefined;
  const lastAutoEk = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    const previous = lastAutoEk.current;
    lastAutoEk.current = autoEk;
    if (autoEk === undefined) return;
    setForm((prev) => (prev.ekBorjan.trim() === "" || prev.ekBorjan === previous ? { ...prev, ekBorjan: autoEk } : prev));
  }, [autoEk, setForm]);
  return { autoEk, setEquity };
}
