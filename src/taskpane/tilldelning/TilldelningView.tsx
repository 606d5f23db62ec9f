import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { runAllocationJob } from "../../usecases/tilldelning/allocationJob";
import { AllocationSettingsSchema, loadAllocationSettings, saveAllocationSettings } from "../../usecases/tilldelning/allocationSettings";
import type { EditedSheetDecision } from "../../usecases/writeSheets";
import { DecimalField, swedishNumber } from "../DecimalField";
import { EditedSheetsDialog, sheetsToAskAbout, useEditedSheetsQuestion } from "../EditedSheetsDialog";
import { IntegerField } from "../IntegerField";
import { useProfile } from "../profile/ProfileContext";
import { ProfilePanel, draftIsValid, profileFieldRefs } from "../profile/ProfilePanel";
import { profileFromDraft } from "../profile/profileDraft";
import { FormLock, StatusArea } from "../run/StatusArea";
import { useServices, useStrings } from "../services";
import { endOf, useJobRun, type FieldRef } from "../useJobRun";
import { Section, useStoredSettings, useViewStyles } from "../viewParts";
import { TilldelningResult } from "./TilldelningResult";
import {
  TILLDELNING_LOCATIONS,
  changeOf,
  defaultTilldelningForm,
  placeOf,
  tilldelningInput,
  tilldelningProblems,
  yearOf,
  type TilldelningDone,
  type TilldelningField,
  type TilldelningForm,
} from "./tilldelningForm";

/**
 * "Statlig tilldelning": the forecast of the state's allocation for the profile's förbund against the
 * whole country (embedded inhabitants 16–64, synthetic försörjningsmått), written by runAllocationJob
 * as the sheet "Statlig tilldelning <år>". The year follows the profile's budget year until typed.
 * The figures of the last forecast are stored in the workbook and shown again when the view opens.
 */
/** The form's amount fields (text as typed). */
type AmountField = "anslag" | "grund" | "sparr" | "forraAret";

export default function TilldelningView() {
  const s = useStrings();
  const view = useViewStyles();
  const { createHost, settingsStore } = useServices();
  const profile = useProfile();
  const stored = useStoredSettings(() => loadAllocationSettings(settingsStore));
  const [form, setForm] = React.useState<TilldelningForm>(() => ({ ...defaultTilldelningForm(), ...(stored ?? {}) }));
  const fields = React.useMemo<Record<string, FieldRef>>(
    () => ({
      ...profileFieldRefs(s),
      tilldelningAr: { label: s.allocAr, id: "sk-alloc-ar" },
      anslag: { label: s.allocAnslag, id: "sk-alloc-anslag" },
      grund: { label: s.allocGrund, id: "sk-alloc-grund" },
      sparr: { label: s.allocSparr, id: "sk-alloc-sparr" },
      forraAret: { label: s.allocForraAret, id: "sk-alloc-forra-aret" },
    }),
    [s],
  );
  const job = useJobRun<TilldelningDone>(fields, placeOf);
  const edited = useEditedSheetsQuestion(job);
  const update = (field: TilldelningField, patch: Partial<TilldelningForm>) => {
    job.fixed(field);
    setForm((f) => ({ ...f, ...patch }));
  };
  const draft = profile.draft;
  const ar = yearOf(form, draft);
  const hasMembers = draft.forbund.trim() !== "" && draft.kommuner.length > 0;
  // The amounts, in kronor or per cent, each a field of its own.
  const kronor = { unit: s.enhetKr, maxDecimals: 0, invalidText: s.allocKronorInvalid };
  const amounts: { key: AmountField; testId: string; hint?: string; unit: string; maxDecimals: number; invalidText: string }[] = [
    { key: "anslag", testId: "alloc-anslag", hint: s.allocAnslagHint, ...kronor },
    { key: "grund", testId: "alloc-grund", ...kronor },
    { key: "sparr", testId: "alloc-sparr", hint: s.allocSparrHint, unit: "%", maxDecimals: 2, invalidText: s.allocSparrInvalid },
    { key: "forraAret", testId: "alloc-forra-aret", hint: s.allocForraAretHint, ...kronor },
  ];

  const run = (onEdited?: EditedSheetDecision) => {
    const formNow = form;
    return job.run({
      validate: () => tilldelningProblems(formNow, draft, s.allocArProblem),
      work: async () => {
        const input = tilldelningInput(formNow, draft);
        const result = await runAllocationJob(createHost(), input, { locations: TILLDELNING_LOCATIONS, ...(onEdited ? { onEdited } : {}) });
        const ask = sheetsToAskAbout(result, onEdited);
        if (ask) {
          edited.ask(ask);
          return null;
        }
        if (!result.ok) return endOf(result);
        const figures = AllocationSettingsSchema.safeParse(formNow);
        if (figures.success) await saveAllocationSettings(settingsStore, figures.data).catch(() => undefined);
        if (draftIsValid(draft)) await profile.save(profileFromDraft(draft)).catch(() => undefined);
        const own = result.result.forbund[0];
        return {
          done: {
            sheetName: result.sheetName,
            ar: input.ar,
            forbund: own,
            forandring: changeOf(own),
            sparr: swedishNumber(formNow.sparr.trim() || "0"),
            keptCopies: result.keptCopies,
          },
        };
      },
    });
  };


  return (
    <div className={view.form}>
      <FormLock locked={job.busy} className={view.form}>
        <Text className={view.intro}>{s.allocIntro}</Text>
        <ProfilePanel job={job} withMembers saveButton />

        <Section id="sk-alloc-prognos" title={s.allocSectionTitle}>
          <Text data-testid="alloc-profile" className={view.intro}>
            {hasMembers ? s.allocForbundLine(draft.forbund.trim(), draft.kommuner.length) : s.allocNoProfile}
          </Text>
          <IntegerField
            label={s.allocAr}
            hint={Number.isInteger(draft.ar) ? s.allocArHint(draft.ar) : undefined}
            testId="alloc-ar"
            id={fields.tilldelningAr.id}
            value={ar}
            onChange={(n) => update("tilldelningAr", { ar: n })}
            problem={job.problemAt("tilldelningAr")}
          />
          {amounts.map((a) => (
            <DecimalField
              key={a.key}
              label={fields[a.key].label}
              hint={a.hint}
              testId={a.testId}
              id={fields[a.key].id}
              value={form[a.key]}
              unit={a.unit}
              maxDecimals={a.maxDecimals}
              invalidText={a.invalidText}
              onChange={(value) => update(a.key, { [a.key]: value })}
              problem={job.problemAt(a.key)}
            />
          ))}
          <div className={view.run}>
            <Button appearance="primary" data-testid="alloc-create" onClick={() => void run()}>
              {s.allocCreate}
            </Button>
          </div>
        </Section>
      </FormLock>

      <StatusArea job={job} sheetOf={(d) => d.sheetName} renderDone={(d) => <TilldelningResult done={d} />} />

      <EditedSheetsDialog sheets={edited.sheets} textId="sk-alloc-edited" title={s.allocEditedTitle} onDecide={(d) => edited.decide(d, run)} />
    </div>
  );
}
