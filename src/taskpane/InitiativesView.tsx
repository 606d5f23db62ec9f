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
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { InputProblem } from "../domain/errors";
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
} from "../usecases/initiativesJob";
import { InitiativesResult, ProblemList } from "./InitiativesResult";
import { NulageList, nulageListProblems } from "./NulageList";
import { useServices, useStrings } from "./services";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  run: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  body: { whiteSpace: "normal" },
  dialogList: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  dialogActions: { flexWrap: "wrap" },
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

function Section(props: { id: string; title: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <h3 id={props.id} className={styles.heading}>
        {props.title}
      </h3>
      {props.children}
    </section>
  );
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
  const styles = useStyles();
  const n = props.notice;
  return (
    <div aria-live="polite">
      {n?.kind === "created" || n?.kind === "imported" ? (
        <MessageBar intent="success" layout="multiline" data-testid="table-success">
          <MessageBarBody className={styles.body}>
            {n.kind === "created" ? s.initTableCreated(n.sheet) : s.initImported(n.count, n.sheet)}
            {n.keptCopy && <div>{s.initOldTableKept(n.keptCopy)}</div>}
          </MessageBarBody>
        </MessageBar>
      ) : n?.kind === "exists" ? (
        <MessageBar intent="warning" layout="multiline" data-testid="table-exists">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.initTableExistsTitle}</MessageBarTitle>
            <ProblemList problems={n.problems} />
          </MessageBarBody>
        </MessageBar>
      ) : n?.kind === "problems" ? (
        <MessageBar intent="error" layout="multiline" data-testid="table-problems">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.initProblemsTitle}</MessageBarTitle>
            <ProblemList problems={n.problems} />
          </MessageBarBody>
        </MessageBar>
      ) : n?.kind === "cancelled" ? (
        <MessageBar intent="info" layout="multiline" data-testid="table-cancelled">
          <MessageBarBody className={styles.body}>{s.initImportCancelled}</MessageBarBody>
        </MessageBar>
      ) : n?.kind === "error" ? (
        <MessageBar intent="error" layout="multiline" data-testid="table-error">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.initErrorTitle}</MessageBarTitle>
            {n.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The Samverkansinitiativ job: the input table (created empty or imported from a selection), then
 * runInitiativesJob → "Initiativ översikt", one "Init NN …" sheet per initiative and the history.
 */
export default function InitiativesView() {
  const { lang, settingsStore, createHost } = useServices();
  const s = useStrings();
  const styles = useStyles();

  const [initial] = React.useState(() => {
    try {
      return loadInitiativesSettings(settingsStore);
    } catch {
      return null;
    }
  });
  // The stored förbund and status list; the report date is today's unless the user picks another.
  const [settings, setSettings] = React.useState<InitiativesSettings>(() => ({
    ...defaultInitiativesSettings(),
    ...(initial ?? {}),
    datum: localToday(),
  }));
  const [lastDatum, setLastDatum] = React.useState<string | null>(initial?.datum ?? null);
  const [busy, setBusy] = React.useState<"table" | "import" | "run" | null>(null);
  const [progress, setProgress] = React.useState<{ step: string; fraction: number } | null>(null);
  const [tableNotice, setTableNotice] = React.useState<TableNotice | null>(null);
  const [outcome, setOutcome] = React.useState<InitiativesOutcome | null>(null);
  const [runError, setRunError] = React.useState<string | null>(null);
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
  const fieldState = (key: string) =>
    located.fields.has(key) ? { validationState: "error" as const, validationMessage: located.fields.get(key) } : {};
  const listOk = listProblems.size === 0 && settings.nulagen.length > 0;
  const nulagen = () => settings.nulagen.map((n) => n.trim());

  /** The status list becomes the table's drop-down list: keep it with the workbook from now on. */
  const rememberSettings = async () => {
    const parsed = InitiativesSettingsSchema.safeParse({ ...settings, nulagen: nulagen() });
    if (parsed.success) await saveInitiativesSettings(settingsStore, parsed.data).catch(() => undefined);
  };

  const createTable = async () => {
    setTableNotice(null);
    if (!listOk) {
      setTableNotice({ kind: "error", message: s.initFixList });
      return;
    }
    setBusy("table");
    try {
      const r = await writeInitiativeInput(createHost(), [], { nulagen: nulagen() });
      if (r.ok) {
        setTableNotice({ kind: "created", sheet: r.sheet, keptCopy: r.keptCopy });
        await rememberSettings();
      } else setTableNotice({ kind: r.exists ? "exists" : "problems", problems: r.problems });
    } catch (e) {
      setTableNotice({ kind: "error", message: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const importTable = async (onExisting?: "keepCopy") => {
    setTableNotice(null);
    if (!listOk) {
      setTableNotice({ kind: "error", message: s.initFixList });
      return;
    }
    setBusy("import");
    try {
      const r = await importInitiativesFromSelection(createHost(), { nulagen: nulagen() }, onExisting ? { onExisting } : {});
      if (r.ok) {
        setTableNotice({ kind: "imported", sheet: r.sheet, count: r.count, keptCopy: r.keptCopy });
        await rememberSettings();
      } else if (r.exists && !onExisting) setAskReplace(true);
      else setTableNotice({ kind: r.exists ? "exists" : "problems", problems: r.problems });
    } catch (e) {
      setTableNotice({ kind: "error", message: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const run = async (onEdited?: EditedSheetDecision) => {
    setTableNotice(null);
    setOutcome(null);
    setRunError(null);
    setRunNote(null);
    if (!listOk) {
      setRunError(s.initFixList);
      return;
    }
    setBusy("run");
    setProgress({ step: s.running, fraction: 0 });
    const input = { ...settings, nulagen: nulagen() };
    try {
      const result = await runInitiativesJob(createHost(), input, {
        store: settingsStore,
        ...(onEdited ? { onEdited } : {}),
        onProgress: (step, fraction) => setProgress({ step: lang === "sv" ? step : s.running, fraction }),
      });
      if (!result.ok && result.editedSheets && !onEdited) {
        setEditedSheets(result.editedSheets);
        return;
      }
      setOutcome(result);
      if (result.ok) setLastDatum(input.datum);
    } catch (e) {
      setRunError(errorText(e));
    } finally {
      setProgress(null);
      setBusy(null);
    }
  };

  const decideEdited = (decision: EditedSheetDecision | null) => {
    setEditedSheets(null);
    if (decision) void run(decision);
    else setRunNote(s.initRunCancelled);
  };

  const replaceTable = (yes: boolean) => {
    setAskReplace(false);
    if (yes) void importTable("keepCopy");
    else setTableNotice({ kind: "cancelled" });
  };

  const disabled = busy !== null;

  return (
    <div className={styles.form}>
      <Text className={styles.intro}>{s.initIntro}</Text>

      <Section id="sk-init-rapport" title={s.initSectionRapport}>
        <Field label={s.initForbund} {...fieldState("forbund")}>
          <Input
            data-testid="init-forbund"
            placeholder={s.forbundPlaceholder}
            value={settings.forbund}
            onChange={(_, d) => update({ forbund: d.value })}
          />
        </Field>
        <Field label={s.initDatum} hint={s.initDatumHint(lastDatum)} {...fieldState("datum")}>
          <Input data-testid="init-datum" type="date" value={settings.datum} onChange={(_, d) => update({ datum: d.value })} />
        </Field>
      </Section>

      <Section id="sk-init-nulagen" title={s.initSectionNulagen}>
        <Text className={styles.intro}>{s.initNulagenIntro}</Text>
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
        <Text className={styles.intro}>{s.initTabellIntro}</Text>
        <div className={styles.buttons}>
          <Button data-testid="init-create-table" disabled={disabled} onClick={() => void createTable()}>
            {s.initCreateTable}
          </Button>
          <Button data-testid="init-import" disabled={disabled} onClick={() => void importTable()}>
            {s.initImport}
          </Button>
        </div>
        {(busy === "table" || busy === "import") && (
          <Field label={s.progressLabel} validationMessage={s.running} validationState="none">
            <ProgressBar data-testid="table-progress" />
          </Field>
        )}
        <TableMessage notice={tableNotice} />
      </Section>

      <div className={styles.run}>
        <Button appearance="primary" data-testid="init-run" disabled={disabled} onClick={() => void run()}>
          {s.initRun}
        </Button>
        {progress && (
          <Field label={s.progressLabel} validationMessage={progress.step} validationState="none">
            <ProgressBar data-testid="progress" value={progress.fraction} max={1} />
          </Field>
        )}
        <InitiativesResult outcome={outcome} error={runError} note={runNote} />
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

      <Dialog open={editedSheets !== null} modalType="alert" onOpenChange={(_, d) => !d.open && decideEdited(null)}>
        <DialogSurface aria-describedby="sk-init-edited-text">
          <DialogBody>
            <DialogTitle>{s.initEditedTitle}</DialogTitle>
            <DialogContent id="sk-init-edited-text">
              {s.initEditedIntro}
              <ul className={styles.dialogList} data-testid="edited-sheets">
                {(editedSheets ?? []).map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
              {s.initEditedQuestion}
            </DialogContent>
            <DialogActions className={styles.dialogActions}>
              <Button appearance="primary" data-testid="edited-keep" onClick={() => decideEdited("keepCopy")}>
                {s.initKeepCopy}
              </Button>
              <Button data-testid="edited-overwrite" onClick={() => decideEdited("overwrite")}>
                {s.initOverwrite}
              </Button>
              <Button data-testid="edited-cancel" onClick={() => decideEdited(null)}>
                {s.initCancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
