import * as React from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Enhet } from "../../domain/budget/types";
import {
  importBudgetFromSelection,
  loadBudgetSettings,
  runBudgetFollowUpJob,
  runBudgetProjectionJob,
  type BudgetFollowUpOutcome,
  type BudgetImportOutcome,
  type BudgetProjectionOutcome,
  type EditedSheetDecision,
} from "../../usecases/budget/budgetJob";
import { AmountField, Commitments, FeeYears } from "./BudgetFields";
import { EditedSheetsDialog, sheetsToAskAbout } from "../EditedSheetsDialog";
import { BudgetFollowUpResult, BudgetImportResult, BudgetProjectionResult } from "./BudgetResults";
import { problemsByPlace } from "./budgetProblems";
import {
  PROJECTION_YEARS,
  commitments,
  equityByYear,
  followUpSettings,
  formFromSettings,
  importSettings,
  projectionSettings,
  projectionYears,
  type BudgetForm,
  type FeeYearForm,
} from "./budgetForm";
import { useBudgetTable, useImportedEquity } from "./useBudgetTable";
import { useServices, useStrings } from "../services";
import { ProgressField, useJobRun } from "../legacyJobRun";
import { Section, TextField, UnitChoice, problemState, readStoredSettings, useStoredSettings, useViewStyles } from "../viewParts";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half.
  half: { flexGrow: 1, flexBasis: 0, minWidth: 0, "& .fui-Input, & input": { minWidth: 0, width: "100%" } },
  action: { alignSelf: "flex-start" },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type JobKind = "import" | "projection" | "followUp";

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

  const { info, tableYears, refresh: refreshTable } = useBudgetTable(createHost, form.basAr, setForm);
  const basYears = tableYears.length > 0 ? tableYears : form.basAr !== null ? [form.basAr] : [];
  const { autoEk, setEquity } = useImportedEquity(form.basAr, setForm);

  const years = projectionYears(form.basAr, antalAr);
  const unitOf = (e: Enhet) => (e === "tkr" ? s.enhetTkr : s.enhetKr);
  const budgetUnit = unitOf(info?.enhet ?? form.enhet);
  const problems = React.useMemo(
    () => problemsByPlace([importJob.outcome, projectionJob.outcome, followUpJob.outcome]),
    [importJob.outcome, projectionJob.outcome, followUpJob.outcome],
  );
  const problemAt = (plats: string) => problems.get(plats);
  const stored = () => readStoredSettings(load);
  const setNote = (job: JobKind, note: string | null) => setNotes((prev) => ({ ...prev, [job]: note }));
  const opts = (onEdited: EditedSheetDecision | undefined, onProgress: (step: string, fraction: number) => void) => ({
    store: settingsStore,
    onProgress,
    ...(onEdited ? { onEdited } : {}),
  });

  /** Opens the question about edited sheets (when there are any to ask about) for the job to run again. */
  const ask = (job: JobKind, sheets: string[] | null) => {
    if (sheets) setAsking({ job, sheets });
    return sheets !== null;
  };

  const runImport = (onEdited?: EditedSheetDecision) => {
    setNote("import", null);
    return importJob.run(async (onProgress) => {
      const result = await importBudgetFromSelection(createHost(), importSettings(form), opts(onEdited, onProgress));
      if (ask("import", sheetsToAskAbout(result, onEdited))) return undefined;
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
      if (ask("projection", sheetsToAskAbout(result, onEdited))) return undefined;
      return result;
    }, refusal);
  };

  const runFollowUp = (onEdited?: EditedSheetDecision) => {
    setNote("followUp", null);
    return followUpJob.run(async (onProgress) => {
      const cofin = commitments(form.medfinansiering);
      if (cofin.problems.length > 0) return { ok: false, problems: cofin.problems };
      const result = await runBudgetFollowUpJob(createHost(), followUpSettings(form, stored()), opts(onEdited, onProgress));
      if (ask("followUp", sheetsToAskAbout(result, onEdited))) return undefined;
      return result;
    });
  };

  const RUNS: Record<JobKind, (onEdited?: EditedSheetDecision) => Promise<void>> = { import: runImport, projection: runProjection, followUp: runFollowUp };
  const decideEdited = (decision: EditedSheetDecision | null) => {
    const job = asking?.job;
    setAsking(null);
    if (!job) return;
    if (decision) void RUNS[job](decision);
    else setNote(job, s.editedRunCancelled);
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
        <UnitChoice label={s.budgetEnhet} testId="budget-enhet" first="tkr" value={form.enhet} onChange={(enhet) => update({ enhet })} />
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
        <UnitChoice label={s.budgetFollowUpEnhet} testId="budget-uppf-enhet" first="kr" value={form.uppfEnhet} onChange={(uppfEnhet) => update({ uppfEnhet })} />
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
        title={s.budgetEditedTitle}
        onDecide={decideEdited}
      />
    </div>
  );
}
