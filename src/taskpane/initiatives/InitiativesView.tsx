import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  InitiativesSettingsSchema,
  defaultInitiativesSettings,
  importInitiativesFromSelection,
  loadInitiativesSettings,
  runInitiativesJob,
  saveInitiativesSettings,
  writeInitiativeInput,
  type EditedSheetDecision,
  type InitiativesOutcome,
  type InitiativesSettings,
} from "../../usecases/initiatives/initiativesJob";
import { EditedSheetsDialog, sheetsToAskAbout, useEditedSheetsQuestion } from "../EditedSheetsDialog";
import { InitiativesResult } from "./InitiativesResult";
import { Notice } from "../Notice";
import { NulageList, nulageListProblems } from "./NulageList";
import { useServices, useStrings } from "../services";
import { ProfilePanel, draftIsValid, profileFieldRefs } from "../profile/ProfilePanel";
import { useProfile } from "../profile/ProfileContext";
import { profileFromDraft } from "../profile/profileDraft";
import { placeOf } from "./initiativesPlaces";
import { FormLock, StatusArea } from "../run/StatusArea";
import { endOf, useJobRun, type FieldRef, type RunEnd } from "../useJobRun";
import { Section, problemState, useStoredSettings, useViewStyles } from "../viewParts";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  listError: { color: tokens.colorPaletteRedForeground1 },
});

/** Today as ISO date in the user's time zone (toISOString would give yesterday's date before 01:00 in Sweden). */
function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** What a run of this view wrote: the input table (created or imported), or the status sheets. */
type InitDone =
  | { kind: "created"; sheet: string; keptCopy?: string }
  | { kind: "imported"; sheet: string; count: number; keptCopy?: string }
  | { kind: "report"; outcome: Success };

type Success = Extract<InitiativesOutcome, { ok: true }>;

function TableDone(props: { done: Extract<InitDone, { kind: "created" | "imported" }> }) {
  const s = useStrings();
  const n = props.done;
  return (
    <Notice intent="success" testId="result-success">
      {n.kind === "created" ? s.initTableCreated(n.sheet) : s.initImported(n.count, n.sheet)}
      {n.keptCopy && <div>{s.initOldTableKept(n.keptCopy)}</div>}
    </Notice>
  );
}

/**
 * The Samverkansinitiativ job: the input table (created empty or imported from a selection), then
 * runInitiativesJob → "Initiativ översikt", one "Init NN …" sheet per initiative and the history.
 */
export default function InitiativesView() {
  const { settingsStore, createHost } = useServices();
  const s = useStrings();
  const view = useViewStyles();
  const styles = useStyles();
  const profile = useProfile();

  const initial = useStoredSettings(() => loadInitiativesSettings(settingsStore));
  // The stored status list; the report date is today's unless the user picks another; the förbund is the profile's.
  const [settings, setSettings] = React.useState<Omit<InitiativesSettings, "forbund">>(() => ({
    ...defaultInitiativesSettings(),
    ...(initial ?? {}),
    datum: localToday(),
  }));
  const [lastDatum, setLastDatum] = React.useState<string | null>(initial?.datum ?? null);
  const fields = React.useMemo<Record<string, FieldRef>>(
    () => ({ ...profileFieldRefs(s), datum: { label: s.initDatum, id: "sk-init-datum" }, nulagen: { label: s.initSectionNulagen, id: "sk-init-nulagen" } }),
    [s],
  );
  const job = useJobRun<InitDone>(fields, placeOf);
  const edited = useEditedSheetsQuestion(job);
  const [askReplace, setAskReplace] = React.useState(false);

  const update = (patch: Partial<InitiativesSettings>) => {
    for (const key of Object.keys(patch)) job.fixed(key);
    setSettings((prev) => ({ ...prev, ...patch }));
  };
  const listProblems = React.useMemo(() => nulageListProblems(settings.nulagen, s), [settings.nulagen, s]);
  const runProblems = job.state.phase === "problems" ? job.state.problems : [];
  const entryProblems = new Map(listProblems);
  for (const p of runProblems) {
    const m = /^nulagen\.(\d+)$/.exec(p.at ?? "");
    if (m && !entryProblems.has(Number(m[1]))) entryProblems.set(Number(m[1]), p.message);
  }
  const listProblem = runProblems.find((p) => p.at === "nulagen")?.message;
  const listOk = listProblems.size === 0 && settings.nulagen.length > 0;
  const nulagen = () => settings.nulagen.map((n) => n.trim());
  const input = (): InitiativesSettings => ({ ...settings, forbund: profile.draft.forbund, nulagen: nulagen() });
  const refuseList = () => (listOk ? [] : [{ plats: "nulagen", meddelande: s.initFixList }]);

  /** The status list becomes the table's drop-down list; a complete profile is kept for every view. */
  const rememberSettings = async () => {
    const parsed = InitiativesSettingsSchema.safeParse(input());
    if (parsed.success) await saveInitiativesSettings(settingsStore, parsed.data).catch(() => undefined);
    if (draftIsValid(profile.draft)) await profile.save(profileFromDraft(profile.draft)).catch(() => undefined);
  };

  const createTable = () =>
    job.run({
      validate: refuseList,
      work: async (): Promise<RunEnd<InitDone>> => {
        const r = await writeInitiativeInput(createHost(), [], { nulagen: nulagen() });
        if (!r.ok) return endOf(r);
        await rememberSettings();
        return { done: { kind: "created", sheet: r.sheet, ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}) } };
      },
    });

  const importTable = (onExisting?: "keepCopy") =>
    job.run({
      validate: refuseList,
      work: async (): Promise<RunEnd<InitDone>> => {
        const r = await importInitiativesFromSelection(createHost(), { nulagen: nulagen() }, onExisting ? { onExisting } : {});
        if (r.ok) {
          await rememberSettings();
          return { done: { kind: "imported", sheet: r.sheet, count: r.count, ...(r.keptCopy ? { keptCopy: r.keptCopy } : {}) } };
        }
        if (r.exists && !onExisting) {
          setAskReplace(true);
          return null;
        }
        return { problems: r.problems };
      },
    });

  const run = (onEdited?: EditedSheetDecision) => {
    const settingsNow = input();
    return job.run({
      validate: refuseList,
      work: async (onProgress) => {
        const result = await runInitiativesJob(createHost(), settingsNow, {
          store: settingsStore,
          ...(onEdited ? { onEdited } : {}),
          onProgress,
        });
        const ask = sheetsToAskAbout(result, onEdited);
        if (ask) {
          edited.ask(ask);
          return null;
        }
        if (!result.ok) return endOf(result);
        setLastDatum(settingsNow.datum);
        if (draftIsValid(profile.draft)) await profile.save(profileFromDraft(profile.draft)).catch(() => undefined);
        return { done: { kind: "report", outcome: result } };
      },
    });
  };


  const replaceTable = (yes: boolean) => {
    setAskReplace(false);
    if (yes) void importTable("keepCopy");
    else job.note(s.initImportCancelled);
  };

  return (
    <div className={view.form}>
      <FormLock locked={job.busy} className={view.form}>
        <Text className={view.intro}>{s.initIntro}</Text>
        <ProfilePanel job={job} withMembers saveButton />

        <Section id="sk-init-rapport" title={s.initSectionRapport}>
          <Field label={s.initDatum} hint={s.initDatumHint(lastDatum)} {...problemState(job.problemAt("datum"))}>
            <Input id={fields.datum.id} data-testid="init-datum" type="date" value={settings.datum} onChange={(_, d) => update({ datum: d.value })} />
          </Field>
        </Section>

        <Section id="sk-init-nulagen" title={s.initSectionNulagen}>
          <Text className={view.intro}>{s.initNulagenIntro}</Text>
          <NulageList value={settings.nulagen} onChange={(list) => update({ nulagen: list })} problems={entryProblems} />
          {listProblem !== undefined && (
            <Text role="alert" className={styles.listError}>
              {listProblem}
            </Text>
          )}
        </Section>

        <Section id="sk-init-tabell" title={s.initSectionTabell}>
          <Text className={view.intro}>{s.initTabellIntro}</Text>
          <div className={styles.buttons}>
            <Button data-testid="init-create-table" onClick={() => void createTable()}>
              {s.initCreateTable}
            </Button>
            <Button data-testid="init-import" onClick={() => void importTable()}>
              {s.initImport}
            </Button>
          </div>
        </Section>

        <div className={view.run}>
          <Button appearance="primary" data-testid="init-run" onClick={() => void run()}>
            {s.initRun}
          </Button>
        </div>
      </FormLock>

      <StatusArea
        job={job}
        sheetOf={(d) => (d.kind === "report" ? d.outcome.sheets[0] : d.sheet)}
        renderDone={(d) => (d.kind === "report" ? <InitiativesResult outcome={d.outcome} /> : <TableDone done={d} />)}
      />

      <Dialog open={askReplace} modalType="alert" onOpenChange={(_, d) => !d.open && replaceTable(false)}>
        <DialogSurface aria-describedby="sk-init-replace-text">
          <DialogBody>
            <DialogTitle>{s.initReplaceTitle}</DialogTitle>
            <DialogContent id="sk-init-replace-text">{s.initReplaceQuestion}</DialogContent>
            <DialogActions>
              <Button appearance="primary" data-testid="replace-yes" onClick={() => replaceTable(true)}>
                {s.initReplaceYes}
              </Button>
              <Button data-testid="replace-no" onClick={() => replaceTable(false)}>
                {s.initReplaceNo}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <EditedSheetsDialog sheets={edited.sheets} textId="sk-init-edited-text" title={s.initEditedTitle} onDecide={(d) => edited.decide(d, run)} />
    </div>
  );
}
