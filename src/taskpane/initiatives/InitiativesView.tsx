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
import type { InputProblem } from "../../domain/errors";
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
import { EditedSheetsDialog, sheetsToAskAbout } from "../EditedSheetsDialog";
import { InitiativesResult } from "./InitiativesResult";
import { Notice, ProblemList } from "../Notice";
import { NulageList, nulageListProblems } from "./NulageList";
import { useServices, useStrings } from "../services";
import { ProgressField, useJobRun } from "../legacyJobRun";
import { Section, TextField, errorText, problemState, useStoredSettings, useViewStyles } from "../viewParts";

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

/** Problems the job reports about the settings ("forbund", "datum", "nulagen.2") → the field they belong to. */
function locateSettingProblems(problems: readonly InputProblem[]) {
  const fields = new Map<string, string>();
  const entries = new Map<number, string>();
  for (const p of problems) {
    const entry = /^nulagen\.(\d+)$/.exec(p.plats ?? "");
    if (entry) entries.set(Number(entry[1]), p.meddelande);
    else if (p.plats && /^(forbund|datum|nulagen)$/.test(p.plats) && !fields.has(p.plats)) fields.set(p.plats, p.meddelande);
  }
  return { fields, entries };
}

/** What the table buttons did. */
type TableNotice =
  | { kind: "created"; sheet: string; keptCopy?: string }
  | { kind: "imported"; sheet: string; count: number; keptCopy?: string }
  | { kind: "exists"; problems: InputProblem[] }
  | { kind: "problems"; problems: InputProblem[] }
  | { kind: "cancelled" }
  | { kind: "error"; message: string };

function TableMessage(props: { notice: TableNotice | null }) {
  const s = useStrings();
  const n = props.notice;
  return (
    <div aria-live="polite">
      {n?.kind === "created" || n?.kind === "imported" ? (
        <Notice intent="success" testId="table-success">
          {n.kind === "created" ? s.initTableCreated(n.sheet) : s.initImported(n.count, n.sheet)}
          {n.keptCopy && <div>{s.initOldTableKept(n.keptCopy)}</div>}
        </Notice>
      ) : n?.kind === "exists" ? (
        <Notice intent="warning" testId="table-exists" title={s.initTableExistsTitle}>
          <ProblemList problems={n.problems} />
        </Notice>
      ) : n?.kind === "problems" ? (
        <Notice intent="error" testId="table-problems" title={s.problemsTitle}>
          <ProblemList problems={n.problems} />
        </Notice>
      ) : n?.kind === "cancelled" ? (
        <Notice intent="info" testId="table-cancelled">
          {s.initImportCancelled}
        </Notice>
      ) : n?.kind === "error" ? (
        <Notice intent="error" testId="table-error" title={s.runErrorTitle}>
          {n.message}
        </Notice>
      ) : null}
    </div>
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

  const initial = useStoredSettings(() => loadInitiativesSettings(settingsStore));
  // The stored förbund and status list; the report date is today's unless the user picks another.
  const [settings, setSettings] = React.useState<InitiativesSettings>(() => ({
    ...defaultInitiativesSettings(),
    ...(initial ?? {}),
    datum: localToday(),
  }));
  const [lastDatum, setLastDatum] = React.useState<string | null>(initial?.datum ?? null);
  /** A table button's work under way (the run's is the job's progress). */
  const [busy, setBusy] = React.useState<"table" | "import" | null>(null);
  const job = useJobRun<InitiativesOutcome>();
  const outcome = job.outcome;
  const [tableNotice, setTableNotice] = React.useState<TableNotice | null>(null);
  const [runNote, setRunNote] = React.useState<string | null>(null);
  const [askReplace, setAskReplace] = React.useState(false);
  const [editedSheets, setEditedSheets] = React.useState<string[] | null>(null);

  const update = (patch: Partial<InitiativesSettings>) => setSettings((prev) => ({ ...prev, ...patch }));
  const listProblems = React.useMemo(() => nulageListProblems(settings.nulagen, s), [settings.nulagen, s]);
  const located = React.useMemo(
    () => locateSettingProblems(outcome && !outcome.ok && !outcome.editedSheets ? outcome.problems : []),
    [outcome],
  );
  const entryProblems = React.useMemo(() => new Map([...located.entries, ...listProblems]), [located, listProblems]);
  const listOk = listProblems.size === 0 && settings.nulagen.length > 0;
  const nulagen = () => settings.nulagen.map((n) => n.trim());

  /** The status list becomes the table's drop-down list: keep it with the workbook from now on. */
  const rememberSettings = async () => {
    const parsed = InitiativesSettingsSchema.safeParse({ ...settings, nulagen: nulagen() });
    if (parsed.success) await saveInitiativesSettings(settingsStore, parsed.data).catch(() => undefined);
  };

  /** A table button's work: refused while the status list is unusable, shown as busy while it runs. */
  const tableAction = async (kind: "table" | "import", work: () => Promise<void>) => {
    setTableNotice(null);
    if (!listOk) {
      setTableNotice({ kind: "error", message: s.initFixList });
      return;
    }
    setBusy(kind);
    try {
      await work();
    } catch (e) {
      setTableNotice({ kind: "error", message: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const createTable = () =>
    tableAction("table", async () => {
      const r = await writeInitiativeInput(createHost(), [], { nulagen: nulagen() });
      if (r.ok) {
        setTableNotice({ kind: "created", sheet: r.sheet, keptCopy: r.keptCopy });
        await rememberSettings();
      } else setTableNotice({ kind: r.exists ? "exists" : "problems", problems: r.problems });
    });

  const importTable = (onExisting?: "keepCopy") =>
    tableAction("import", async () => {
      const r = await importInitiativesFromSelection(createHost(), { nulagen: nulagen() }, onExisting ? { onExisting } : {});
      if (r.ok) {
        setTableNotice({ kind: "imported", sheet: r.sheet, count: r.count, keptCopy: r.keptCopy });
        await rememberSettings();
      } else if (r.exists && !onExisting) setAskReplace(true);
      else setTableNotice({ kind: r.exists ? "exists" : "problems", problems: r.problems });
    });

  const run = (onEdited?: EditedSheetDecision) => {
    setTableNotice(null);
    setRunNote(null);
    const input = { ...settings, nulagen: nulagen() };
    return job.run(async (onProgress) => {
      const result = await runInitiativesJob(createHost(), input, {
        store: settingsStore,
        ...(onEdited ? { onEdited } : {}),
        onProgress,
      });
      const edited = sheetsToAskAbout(result, onEdited);
      if (edited) {
        setEditedSheets(edited);
        return undefined;
      }
      if (result.ok) setLastDatum(input.datum);
      return result;
    }, listOk ? null : s.initFixList);
  };

  const decideEdited = (decision: EditedSheetDecision | null) => {
    setEditedSheets(null);
    if (decision) void run(decision);
    else setRunNote(s.editedRunCancelled);
  };

  const replaceTable = (yes: boolean) => {
    setAskReplace(false);
    if (yes) void importTable("keepCopy");
    else setTableNotice({ kind: "cancelled" });
  };

  const disabled = busy !== null || job.running;

  return (
    <div className={view.form}>
      <Text className={view.intro}>{s.initIntro}</Text>

      <Section id="sk-init-rapport" title={s.initSectionRapport}>
        <TextField
          label={s.initForbund}
          testId="init-forbund"
          placeholder={s.forbundPlaceholder}
          value={settings.forbund}
          onChange={(forbund) => update({ forbund })}
          problem={located.fields.get("forbund")}
        />
        <Field label={s.initDatum} hint={s.initDatumHint(lastDatum)} {...problemState(located.fields.get("datum"))}>
          <Input data-testid="init-datum" type="date" value={settings.datum} onChange={(_, d) => update({ datum: d.value })} />
        </Field>
      </Section>

      <Section id="sk-init-nulagen" title={s.initSectionNulagen}>
        <Text className={view.intro}>{s.initNulagenIntro}</Text>
        <NulageList
          value={settings.nulagen}
          onChange={(list) => update({ nulagen: list })}
          problems={entryProblems}
          disabled={disabled}
        />
        {located.fields.has("nulagen") && (
          <Text role="alert" className={styles.listError}>
            {located.fields.get("nulagen")}
          </Text>
        )}
      </Section>

      <Section id="sk-init-tabell" title={s.initSectionTabell}>
        <Text className={view.intro}>{s.initTabellIntro}</Text>
        <div className={styles.buttons}>
          <Button data-testid="init-create-table" disabled={disabled} onClick={() => void createTable()}>
            {s.initCreateTable}
          </Button>
          <Button data-testid="init-import" disabled={disabled} onClick={() => void importTable()}>
            {s.initImport}
          </Button>
        </div>
        {busy !== null && <ProgressField testId="table-progress" step={s.running} />}
        <TableMessage notice={tableNotice} />
      </Section>

      <div className={view.run}>
        <Button appearance="primary" data-testid="init-run" disabled={disabled} onClick={() => void run()}>
          {s.initRun}
        </Button>
        {job.progress && <ProgressField testId="progress" step={job.progress.step} fraction={job.progress.fraction} />}
        <InitiativesResult outcome={outcome} error={job.error} note={runNote} />
      </div>

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

      <EditedSheetsDialog
        sheets={editedSheets}
        textId="sk-init-edited-text"
        title={s.initEditedTitle}
        onDecide={decideEdited}
      />
    </div>
  );
}
