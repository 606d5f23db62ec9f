import * as React from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Enhet } from "../../domain/budget/types";
import { BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import {
  importBudgetFromSelection,
  loadBudgetSettings,
  runBudgetFollowUpJob,
  runBudgetProjectionJob,
  type BudgetFollowUpOutcome,
  type BudgetImportOutcome,
  type BudgetProjectionOutcome,
  type BudgetSettings,
  type EditedSheetDecision,
} from "../../usecases/budget/budgetJob";
import { AmountField, Commitments, FeeYears } from "./BudgetFields";
import { EditedSheetsDialog } from "../EditedSheetsDialog";
import { BudgetFollowUpResult, BudgetImportResult, BudgetProjectionResult } from "./BudgetResults";
import {
  PROJECTION_YEARS,
  commitments,
  equityByYear,
  followUpSettings,
  formFromSettings,
  importSettings,
  projectionSettings,
  projectionYears,
  tableInfo,
  type BudgetForm,
  type FeeYearForm,
  type RawTable,
} from "./budgetForm";
import { useServices, useStrings } from "../services";
import { ProgressField, useJobRun } from "../useJobRun";
import { Section, TextField, problemState, useStoredSettings, useViewStyles } from "../viewParts";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half.
  half: { flexGrow: 1, flexBasis: 0, minWidth: 0, "& .fui-Input, & input": { minWidth: 0, width: "100%" } },
  action: { alignSelf: "flex-start" },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type JobKind = "import" | "projection" | "followUp";

/** Places the jobs name (zod paths included) → the place the form's fields are looked up by. */
const ALIASES: Record<string, string> = {
  "prognos.basAr": "basår",
  prognos: "basår",
  "prognos.ekBorjan": "eget kapital vid början",
  "prognos.standardForandring": "standardförändring",
  "uppfoljning.period": "period",
  uppfoljning: "period",
};

type AnyOutcome = BudgetImportOutcome | BudgetProjectionOutcome | BudgetFollowUpOutcome;

/** The problems of the last runs by place, the first message for each. */
function problemsByPlace(outcomes: (AnyOutcome | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of outcomes) {
    if (!o || o.ok || o.editedSheets) continue;
    for (const p of o.problems) {
      if (!p.plats) continue;
      const key = ALIASES[p.plats] ?? p.plats;
      if (!out.has(key)) out.set(key, p.meddelande);
    }
  }
  return out;
}

function readStored(load: () => BudgetSettings | null): BudgetSettings | null {
  try {
    return load();
  } catch {
    return null;
  }
}

/**
 * The Budget job: the budget the user has selected → the Budget table and Budgetkontroll (deviations
 * listed, never corrected); a three-year projection from a base year of that table; a follow-up of a
 * period's result against budget. The settings are kept in the workbook by each job.
 */
export default function BudgetView() {
  const { settingsStore, createHost } = useServices();
  const s = useStrings();
  const view = useViewStyles();
  const styles = useStyles();

  const load = React.useCallback(() => loadBudgetSettings(settingsStore), [settingsStore]);
  const initial = useStoredSettings(load);
  const [form, setForm] = React.useState<BudgetForm>(() => formFromSettings(initial));
  const antalAr = initial?.prognos?.antalAr ?? PROJECTION_YEARS;
  const update = (patch: Partial<BudgetForm>) => setForm((prev) => ({ ...prev, ...patch }));

  const importJob = useJobRun<BudgetImportOutcome>();
  const projectionJob = useJobRun<BudgetProjectionOutcome>();
  const followUpJob = useJobRun<BudgetFollowUpOutcome>();
  const [notes, setNotes] = React.useState<Record<JobKind, string | null>>({ import: null, projection: null, followUp: null });
  const [asking, setAsking] = React.useState<{ job: JobKind; sheets: string[] } | null>(null);
  const running = importJob.running || projectionJob.running || followUpJob.running;

  // The Samkalk_Budget table as it is in the workbook: its years and the base year's members.
  const [table, setTable] = React.useState<RawTable | null>(null);
  const refreshTable = React.useCallback(async () => {
    try {
      const state = await createHost().inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
      const body = state.tables[BUDGET_TABLE];
      setTable(body ? { header: state.tableHeaders[BUDGET_TABLE] ?? [], body } : null);
    } catch {
      // Not known: the projection says so when it runs.
    }
  }, [createHost]);
  React.useEffect(() => {
    void refreshTable();
  }, [refreshTable]);
  const info = React.useMemo(() => tableInfo(table, form.basAr), [table, form.basAr]);
  const tableYears = React.useMemo(() => info?.ar ?? [], [info]);
  const basYears = tableYears.length > 0 ? tableYears : form.basAr !== null ? [form.basAr] : [];
  // A base year the table does not have becomes its first year.
  React.useEffect(() => {
    if (tableYears.length > 0) setForm((prev) => (prev.basAr !== null && tableYears.includes(prev.basAr) ? prev : { ...prev, basAr: tableYears[0] }));
  }, [tableYears]);

  // The equity at the end of the base year, from the budget imported now; filled in unless the user typed another.
  const [equity, setEquity] = React.useState<Record<number, string>>({});
  const autoEk = form.basAr !== null ? equity[form.basAr] : undefined;
  const lastAutoEk = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    const previous = lastAutoEk.current;
    lastAutoEk.current = autoEk;
    if (autoEk === undefined) return;
    setForm((prev) => (prev.ekBorjan.trim() === "" || prev.ekBorjan === previous ? { ...prev, ekBorjan: autoEk } : prev));
  }, [autoEk]);

  const years = projectionYears(form.basAr, antalAr);
  const unitOf = (e: Enhet) => (e === "tkr" ? s.enhetTkr : s.enhetKr);
  const budgetUnit = unitOf(info?.enhet ?? form.enhet);
  const problems = React.useMemo(
    () => problemsByPlace([importJob.outcome, projectionJob.outcome, followUpJob.outcome]),
    [importJob.outcome, projectionJob.outcome, followUpJob.outcome],
  );
  const problemAt = (plats: string) => problems.get(plats);
  const stored = () => readStored(load);
  const setNote = (job: JobKind, note: string | null) => setNotes((prev) => ({ ...prev, [job]: note }));
  const opts = (onEdited: EditedSheetDecision | undefined, onProgress: (step: string, fraction: number) => void) => ({
    store: settingsStore,
    onProgress,
    ...(onEdited ? { onEdited } : {}),
  });

  const runImport = (onEdited?: EditedSheetDecision) => {
    setNote("import", null);
    return importJob.run(async (onProgress) => {
      const result = await importBudgetFromSelection(createHost(), importSettings(form), opts(onEdited, onProgress));
      if (!result.ok && result.editedSheets && !onEdited) {
        setAsking({ job: "import", sheets: result.editedSheets });
        return undefined;
      }
      if (result.ok) {
        setEquity(equityByYear(result.budget));
        await refreshTable();
      }
      return result;
    });
  };

  const runProjection = (onEdited?: EditedSheetDecision) => {
    setNote("projection", null);
    const basAr = form.basAr;
    const refusal = basAr === null ? s.budgetImportFirst : null;
    return projectionJob.run(async (onProgress) => {
      if (basAr === null) return undefined;
      const cofin = commitments(form.medfinansiering);
      if (cofin.problems.length > 0) return { ok: false, problems: cofin.problems };
      const result = await runBudgetProjectionJob(createHost(), projectionSettings(form, stored(), basAr), opts(onEdited, onProgress));
      if (!result.ok && result.editedSheets && !onEdited) {
        setAsking({ job: "projection", sheets: result.editedSheets });
        return undefined;
      }
      return result;
    }, refusal);
  };

  const runFollowUp = (onEdited?: EditedSheetDecision) => {
    setNote("followUp", null);
    return followUpJob.run(async (onProgress) => {
      const cofin = commitments(form.medfinansiering);
      if (cofin.problems.length > 0) return { ok: false, problems: cofin.problems };
      const result = await runBudgetFollowUpJob(createHost(), followUpSettings(form, stored()), opts(onEdited, onProgress));
      if (!result.ok && result.editedSheets && !onEdited) {
        setAsking({ job: "followUp", sheets: result.editedSheets });
        return undefined;
      }
      return result;
    });
  };

  const RUNS: Record<JobKind, (onEdited?: EditedSheetDecision) => Promise<void>> = { import: runImport, projection: runProjection, followUp: runFollowUp };
  const decideEdited = (decision: EditedSheetDecision | null) => {
    const job = asking?.job;
    setAsking(null);
    if (!job) return;
    if (decision) void RUNS[job](decision);
    else setNote(job, s.budgetRunCancelled);
  };

  const setFees = (ar: number, fees: FeeYearForm) => setForm((prev) => ({ ...prev, avgifter: { ...prev.avgifter, [ar]: fees } }));
  const fromSheet = years.filter((y) => (form.avgifter[y]?.mode ?? "blad") === "blad");
  const assumptions = initial?.prognos?.antaganden?.length ?? 0;
  const followUpRows = initial?.uppfoljning?.rader?.length ?? 0;

  return (
    <div className={view.form}>
      <Text className={view.intro}>{s.budgetIntro}</Text>

      <Section id="sk-budget-forbund" title={s.budgetSectionForbund}>
        <TextField
          label={s.forbund}
          testId="budget-forbund"
          placeholder={s.forbundPlaceholder}
          value={form.forbund}
          onChange={(forbund) => update({ forbund })}
          problem={problemAt("forbund")}
        />
      </Section>

      <Section id="sk-budget-import" title={s.budgetSectionImport}>
        <Text className={view.intro}>{s.budgetImportIntro}</Text>
        <Field label={s.budgetEnhet}>
          <RadioGroup data-testid="budget-enhet" layout="horizontal" value={form.enhet} onChange={(_, d) => update({ enhet: d.value === "kr" ? "kr" : "tkr" })}>
            <Radio value="tkr" label={s.enhetTkr} />
            <Radio value="kr" label={s.enhetKr} />
          </RadioGroup>
        </Field>
        <Button className={styles.action} data-testid="budget-import" disabled={running} onClick={() => void runImport()}>
          {s.budgetImport}
        </Button>
        {importJob.progress && <ProgressField testId="import-progress" step={importJob.progress.step} fraction={importJob.progress.fraction} />}
        <div data-testid="budget-import-result">
          <BudgetImportResult outcome={importJob.outcome} error={importJob.error} note={notes.import} />
        </div>
      </Section>

      <Section id="sk-budget-projektion" title={s.budgetSectionProjection}>
        <Text className={view.intro}>{s.budgetProjectionIntro}</Text>
        {basYears.length === 0 ? (
          <Text className={view.intro} data-testid="budget-no-table">
            {s.budgetImportFirst}
          </Text>
        ) : (
          <Field label={s.budgetBasAr} hint={s.budgetBasArHint(years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : "")} {...problemState(problemAt("basår"))}>
            <Select data-testid="budget-basar" value={form.basAr === null ? "" : String(form.basAr)} onChange={(_, d) => update({ basAr: Number(d.value) })}>
              {basYears.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          label={s.budgetStandard}
          hint={s.budgetStandardHint}
          {...problemState(problemAt("standardförändring"))}
        >
          <Input
            data-testid="budget-standard"
            inputMode="decimal"
            value={form.standardForandring}
            contentAfter={<span aria-hidden="true">%</span>}
            onChange={(_, d) => update({ standardForandring: d.value })}
          />
        </Field>
        <AmountField
          label={s.budgetEk(years[0] ?? null)}
          hint={form.basAr !== null && autoEk !== undefined && form.ekBorjan === autoEk ? s.budgetEkFromImport(form.basAr) : s.budgetEkHint}
          testId="budget-ek"
          value={form.ekBorjan}
          onChange={(ekBorjan) => update({ ekBorjan })}
          unit={budgetUnit}
          problem={problemAt("eget kapital vid början")}
        />

        {years.length > 0 && (
          <>
            <h4 className={styles.subheading}>{s.budgetFeesTitle}</h4>
            <FeeYears years={years} value={form.avgifter} onChange={setFees} kommuner={info?.kommuner ?? []} unit={budgetUnit} problemAt={problemAt} />
          </>
        )}

        <h4 className={styles.subheading}>{s.budgetCofinTitle}</h4>
        <Text className={view.intro}>{s.budgetCofinIntro}</Text>
        <Commitments value={form.medfinansiering} onChange={(medfinansiering) => update({ medfinansiering })} unit={budgetUnit} problemAt={problemAt} disabled={running} />

        {assumptions > 0 && <Text className={view.intro}>{s.budgetAssumptionsKept(assumptions)}</Text>}
        <Button className={styles.action} data-testid="budget-projection" disabled={running} onClick={() => void runProjection()}>
          {s.budgetProjectionRun}
        </Button>
        {projectionJob.progress && (
          <ProgressField testId="projection-progress" step={projectionJob.progress.step} fraction={projectionJob.progress.fraction} />
        )}
        <div data-testid="budget-projection-result">
          <BudgetProjectionResult outcome={projectionJob.outcome} error={projectionJob.error} note={notes.projection} fromSheet={fromSheet} />
        </div>
      </Section>

      <Section id="sk-budget-uppfoljning" title={s.budgetSectionFollowUp}>
        <Text className={view.intro}>{s.budgetFollowUpIntro}</Text>
        <Field label={s.budgetPeriod} hint={s.budgetPeriodHint} {...problemState(problemAt("period"))}>
          <Input data-testid="budget-period" value={form.period} onChange={(_, d) => update({ period: d.value })} />
        </Field>
        <Field label={s.budgetFollowUpEnhet}>
          <RadioGroup
            data-testid="budget-uppf-enhet"
            layout="horizontal"
            value={form.uppfEnhet}
            onChange={(_, d) => update({ uppfEnhet: d.value === "tkr" ? "tkr" : "kr" })}
          >
            <Radio value="kr" label={s.enhetKr} />
            <Radio value="tkr" label={s.enhetTkr} />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <AmountField
            className={styles.half}
            label={s.budgetResultBudget}
            testId="budget-resultat-budget"
            value={form.resultatBudget}
            onChange={(resultatBudget) => update({ resultatBudget })}
            unit={unitOf(form.uppfEnhet)}
            problem={problemAt("resultat, budget")}
          />
          <AmountField
            className={styles.half}
            label={s.budgetResultUtfall}
            testId="budget-resultat-utfall"
            value={form.resultatUtfall}
            onChange={(resultatUtfall) => update({ resultatUtfall })}
            unit={unitOf(form.uppfEnhet)}
            problem={problemAt("resultat, utfall")}
          />
        </div>
        <Text className={view.intro}>{followUpRows > 0 ? s.budgetFollowUpRows(followUpRows) : s.budgetResultHint}</Text>
        <Button className={styles.action} data-testid="budget-followup" disabled={running} onClick={() => void runFollowUp()}>
          {s.budgetFollowUpRun}
        </Button>
        {followUpJob.progress && <ProgressField testId="followup-progress" step={followUpJob.progress.step} fraction={followUpJob.progress.fraction} />}
        <div data-testid="budget-followup-result">
          <BudgetFollowUpResult outcome={followUpJob.outcome} error={followUpJob.error} note={notes.followUp} />
        </div>
      </Section>

      <EditedSheetsDialog
        sheets={asking?.sheets ?? null}
        textId="sk-budget-edited-text"
        texts={{
          title: s.budgetEditedTitle,
          intro: s.budgetEditedIntro,
          question: s.budgetEditedQuestion,
          keepCopy: s.budgetKeepCopy,
          overwrite: s.budgetOverwrite,
          cancel: s.budgetCancel,
        }}
        onDecide={decideEdited}
      />
    </div>
  );
}
