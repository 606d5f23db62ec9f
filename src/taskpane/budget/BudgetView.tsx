import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Enhet } from "../../domain/budget/types";
import type { InputProblem } from "../../domain/errors";
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
import { DecimalField } from "../DecimalField";
import { ProfilePanel, draftIsValid, profileFieldRefs } from "../profile/ProfilePanel";
import { useProfile } from "../profile/ProfileContext";
import { profileFromDraft } from "../profile/profileDraft";
import { placeOf } from "./budgetPlaces";
import { FormLock, StatusArea } from "../run/StatusArea";
import { endOf, useJobRun, type FieldRef, type RunEnd } from "../useJobRun";
import { UnitChoice, problemState, readStoredSettings, useStoredSettings, useViewStyles } from "../viewParts";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half.
  half: { flexGrow: 1, flexBasis: 0, minWidth: 0, "& .fui-Input, & input": { minWidth: 0, width: "100%" } },
  action: { alignSelf: "flex-start" },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type JobKind = "import" | "projection" | "followUp";

/** What a budget run wrote, by job. */
type BudgetDone =
  | { kind: "import"; outcome: BudgetImportOutcome & { ok: true } }
  | { kind: "projection"; outcome: BudgetProjectionOutcome & { ok: true }; fromSheet: number[] }
  | { kind: "followUp"; outcome: BudgetFollowUpOutcome & { ok: true } };

function budgetFields(s: Strings, ekYear: number | null): Record<string, FieldRef> {
  return {
    ...profileFieldRefs(s),
    basar: { label: s.budgetBasAr, id: "sk-budget-basar" },
    standard: { label: s.budgetStandard, id: "sk-budget-standard" },
    ek: { label: s.budgetEk(ekYear), id: "sk-budget-ek" },
    period: { label: s.budgetPeriod, id: "sk-budget-period" },
    resultatBudget: { label: s.budgetResultBudget, id: "sk-budget-resultat-budget" },
    resultatUtfall: { label: s.budgetResultUtfall, id: "sk-budget-resultat-utfall" },
  };
}

function sheetOf(d: BudgetDone): string | undefined {
  return d.kind === "import" ? d.outcome.sheets[d.outcome.sheets.length - 1] : d.outcome.sheetName;
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
  const profile = useProfile();

  const load = React.useCallback(() => loadBudgetSettings(settingsStore), [settingsStore]);
  const initial = useStoredSettings(load);
  const [form, setForm] = React.useState<BudgetForm>(() => formFromSettings(initial));
  const antalAr = initial?.prognos?.antalAr ?? PROJECTION_YEARS;
  const forbund = profile.draft.forbund;

  const { info, tableYears, refresh: refreshTable } = useBudgetTable(createHost, form.basAr, setForm);
  const basYears = tableYears.length > 0 ? tableYears : form.basAr !== null ? [form.basAr] : [];
  const { autoEk, setEquity } = useImportedEquity(form.basAr, setForm);
  const years = projectionYears(form.basAr, antalAr);

  const fields = React.useMemo(() => budgetFields(s, years[0] ?? null), [s, years[0]]);
  const job = useJobRun<BudgetDone>(fields, placeOf);
  const update = (patch: Partial<BudgetForm>) => {
    for (const key of Object.keys(patch)) job.fixed(FORM_FIELD[key as keyof BudgetForm] ?? key);
    setForm((prev) => ({ ...prev, ...patch }));
  };
  const [asking, setAsking] = React.useState<{ job: JobKind; sheets: string[] } | null>(null);
  const [open, setOpen] = React.useState<string[]>(() => (initial?.prognos ? ["projection"] : ["import"]));

  const unitOf = (e: Enhet) => (e === "tkr" ? s.enhetTkr : s.enhetKr);
  const budgetUnit = unitOf(info?.enhet ?? form.enhet);
  const stored = () => readStoredSettings(load);
  const withForbund = (f: BudgetForm): BudgetForm => ({ ...f, forbund });
  const opts = (onEdited: EditedSheetDecision | undefined, onProgress: (step: string, fraction?: number) => void) => ({
    store: settingsStore,
    onProgress: (step: string, fraction: number) => onProgress(step, fraction),
    ...(onEdited ? { onEdited } : {}),
  });
  /** After a run that wrote, a complete profile is stored for every view. */
  const keepProfile = async () => {
    if (draftIsValid(profile.draft)) await profile.save(profileFromDraft(profile.draft)).catch(() => undefined);
  };

  /** Opens the question about edited sheets (when there are any to ask about) for the job to run again. */
  const ask = (kind: JobKind, sheets: string[] | null) => {
    if (sheets) setAsking({ job: kind, sheets });
    return sheets !== null;
  };
  const ended = async <O extends { ok: true } | { ok: false; problems: InputProblem[] }>(o: O, done: (ok: Extract<O, { ok: true }>) => BudgetDone): Promise<RunEnd<BudgetDone>> => {
    const end = endOf(o);
    if (end && "done" in end) {
      await keepProfile();
      return { done: done(end.done) };
    }
    return end as RunEnd<BudgetDone>;
  };

  const runImport = (onEdited?: EditedSheetDecision) =>
    job.run({
      work: async (onProgress) => {
        const result = await importBudgetFromSelection(createHost(), importSettings(withForbund(form)), opts(onEdited, onProgress));
        if (ask("import", sheetsToAskAbout(result, onEdited))) return null;
        if (result.ok) {
          setEquity(equityByYear(result.budget));
          await refreshTable();
          // The next step: the projection from the table just written.
          setOpen(["projection"]);
        }
        return ended(result, (outcome) => ({ kind: "import", outcome }));
      },
    });

  const fromSheet = years.filter((y) => (form.avgifter[y]?.mode ?? "blad") === "blad");
  const runProjection = (onEdited?: EditedSheetDecision) => {
    const basAr = form.basAr;
    return job.run({
      validate: () => [
        ...(basAr === null ? [{ plats: "basår", meddelande: s.budgetImportFirst }] : []),
        ...commitments(form.medfinansiering).problems,
      ],
      work: async (onProgress) => {
        if (basAr === null) return null;
        const result = await runBudgetProjectionJob(createHost(), projectionSettings(withForbund(form), stored(), basAr), opts(onEdited, onProgress));
        if (ask("projection", sheetsToAskAbout(result, onEdited))) return null;
        return ended(result, (outcome) => ({ kind: "projection", outcome, fromSheet }));
      },
    });
  };

  const runFollowUp = (onEdited?: EditedSheetDecision) =>
    job.run({
      validate: () => commitments(form.medfinansiering).problems,
      work: async (onProgress) => {
        const result = await runBudgetFollowUpJob(createHost(), followUpSettings(withForbund(form), stored()), opts(onEdited, onProgress));
        if (ask("followUp", sheetsToAskAbout(result, onEdited))) return null;
        return ended(result, (outcome) => ({ kind: "followUp", outcome }));
      },
    });

  const RUNS: Record<JobKind, (onEdited?: EditedSheetDecision) => Promise<void>> = { import: runImport, projection: runProjection, followUp: runFollowUp };
  const decideEdited = (decision: EditedSheetDecision | null) => {
    const kind = asking?.job;
    setAsking(null);
    if (!kind) return;
    if (decision) void RUNS[kind](decision);
    else job.note(s.editedRunCancelled);
  };

  const setFees = (ar: number, fees: FeeYearForm) => setForm((prev) => ({ ...prev, avgifter: { ...prev.avgifter, [ar]: fees } }));
  const assumptions = initial?.prognos?.antaganden?.length ?? 0;
  const followUpRows = initial?.uppfoljning?.rader?.length ?? 0;
  const problemAt = job.problemAt;

  return (
    <div className={view.form}>
      <FormLock locked={job.busy} className={view.form}>
        <Text className={view.intro}>{s.budgetIntro}</Text>
        <ProfilePanel job={job} withMembers saveButton />

        <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
          <AccordionItem value="import">
            <AccordionHeader data-testid="budget-step-import">{s.budgetSectionImport}</AccordionHeader>
            <AccordionPanel>
              <div className={view.section}>
                <Text className={view.intro}>{s.budgetImportIntro}</Text>
                <UnitChoice label={s.budgetEnhet} testId="budget-enhet" first="tkr" value={form.enhet} onChange={(enhet) => update({ enhet })} />
                <Button className={styles.action} data-testid="budget-import" onClick={() => void runImport()}>
                  {s.budgetImport}
                </Button>
              </div>
            </AccordionPanel>
          </AccordionItem>

          <AccordionItem value="projection">
            <AccordionHeader data-testid="budget-step-projection">{s.budgetSectionProjection}</AccordionHeader>
            <AccordionPanel>
              <div className={view.section}>
                <Text className={view.intro}>{s.budgetProjectionIntro}</Text>
                {basYears.length === 0 ? (
                  <Text className={view.intro} data-testid="budget-no-table">
                    {s.budgetImportFirst}
                  </Text>
                ) : (
                  <Field label={s.budgetBasAr} hint={s.budgetBasArHint(years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : "")} {...problemState(problemAt("basar"))}>
                    <Select id={fields.basar.id} data-testid="budget-basar" value={form.basAr === null ? "" : String(form.basAr)} onChange={(_, d) => update({ basAr: Number(d.value) })}>
                      {basYears.map((y) => (
                        <option key={y} value={String(y)}>
                          {y}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
                <DecimalField
                  label={s.budgetStandard}
                  hint={s.budgetStandardHint}
                  testId="budget-standard"
                  id={fields.standard.id}
                  value={form.standardForandring}
                  unit="%"
                  negative
                  maxDecimals={2}
                  invalidText={s.numberRequired}
                  onChange={(standardForandring) => update({ standardForandring })}
                  problem={problemAt("standard")}
                />
                <AmountField
                  label={s.budgetEk(years[0] ?? null)}
                  hint={form.basAr !== null && autoEk !== undefined && form.ekBorjan === autoEk ? s.budgetEkFromImport(form.basAr) : s.budgetEkHint}
                  testId="budget-ek"
                  id={fields.ek.id}
                  value={form.ekBorjan}
                  onChange={(ekBorjan) => update({ ekBorjan })}
                  unit={budgetUnit}
                  problem={problemAt("ek")}
                />

                {years.length > 0 && (
                  <>
                    <h4 className={styles.subheading}>{s.budgetFeesTitle}</h4>
                    <FeeYears years={years} value={form.avgifter} onChange={setFees} kommuner={info?.kommuner ?? []} unit={budgetUnit} problemAt={problemAt} />
                  </>
                )}

                <h4 className={styles.subheading}>{s.budgetCofinTitle}</h4>
                <Text className={view.intro}>{s.budgetCofinIntro}</Text>
                <Commitments value={form.medfinansiering} onChange={(medfinansiering) => update({ medfinansiering })} unit={budgetUnit} problemAt={problemAt} />

                {assumptions > 0 && <Text className={view.intro}>{s.budgetAssumptionsKept(assumptions)}</Text>}
                <Button className={styles.action} data-testid="budget-projection" onClick={() => void runProjection()}>
                  {s.budgetProjectionRun}
                </Button>
              </div>
            </AccordionPanel>
          </AccordionItem>

          <AccordionItem value="followUp">
            <AccordionHeader data-testid="budget-step-followup">{s.budgetSectionFollowUp}</AccordionHeader>
            <AccordionPanel>
              <div className={view.section}>
                <Text className={view.intro}>{s.budgetFollowUpIntro}</Text>
                <TextInput label={s.budgetPeriod} hint={s.budgetPeriodHint} id={fields.period.id} testId="budget-period" value={form.period} onChange={(period) => update({ period })} problem={problemAt("period")} />
                <UnitChoice label={s.budgetFollowUpEnhet} testId="budget-uppf-enhet" first="kr" value={form.uppfEnhet} onChange={(uppfEnhet) => update({ uppfEnhet })} />
                <div className={styles.row}>
                  <AmountField
                    className={styles.half}
                    label={s.budgetResultBudget}
                    testId="budget-resultat-budget"
                    id={fields.resultatBudget.id}
                    value={form.resultatBudget}
                    onChange={(resultatBudget) => update({ resultatBudget })}
                    unit={unitOf(form.uppfEnhet)}
                    problem={problemAt("resultatBudget")}
                  />
                  <AmountField
                    className={styles.half}
                    label={s.budgetResultUtfall}
                    testId="budget-resultat-utfall"
                    id={fields.resultatUtfall.id}
                    value={form.resultatUtfall}
                    onChange={(resultatUtfall) => update({ resultatUtfall })}
                    unit={unitOf(form.uppfEnhet)}
                    problem={problemAt("resultatUtfall")}
                  />
                </div>
                <Text className={view.intro}>{followUpRows > 0 ? s.budgetFollowUpRows(followUpRows) : s.budgetResultHint}</Text>
                <Button className={styles.action} data-testid="budget-followup" onClick={() => void runFollowUp()}>
                  {s.budgetFollowUpRun}
                </Button>
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </FormLock>

      <StatusArea
        job={job}
        sheetOf={sheetOf}
        renderDone={(d) =>
          d.kind === "import" ? (
            <BudgetImportResult outcome={d.outcome} />
          ) : d.kind === "projection" ? (
            <BudgetProjectionResult outcome={d.outcome} fromSheet={d.fromSheet} />
          ) : (
            <BudgetFollowUpResult outcome={d.outcome} />
          )
        }
      />

      <EditedSheetsDialog sheets={asking?.sheets ?? null} textId="sk-budget-edited-text" title={s.budgetEditedTitle} onDecide={decideEdited} />
    </div>
  );
}

/** The form's keys → the field whose problem a change clears. */
const FORM_FIELD: Partial<Record<keyof BudgetForm, string>> = {
  basAr: "basar",
  standardForandring: "standard",
  ekBorjan: "ek",
  period: "period",
  resultatBudget: "resultatBudget",
  resultatUtfall: "resultatUtfall",
};

/** A text input with a hint; `problem` is what the last run found. */
function TextInput(props: { label: string; hint: string; id: string; testId: string; value: string; onChange: (v: string) => void; problem?: string }) {
  return (
    <Field label={props.label} hint={props.hint} {...problemState(props.problem)}>
      <Input id={props.id} data-testid={props.testId} value={props.value} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}
