import * as React from "react";
import { Button, Link, Text } from "@fluentui/react-components";
import { loadProfile } from "../../usecases/profile/profileSettings";
import { buildBoardPack, type PackOutcome } from "../../usecases/pack/boardPack";
import { loadScbFetchSettings } from "../../usecases/scb/fetchSettings";
import { scbClientFor } from "../../usecases/scb/fetchAdapters";
import type { EditedSheetDecision } from "../../usecases/writeSheets";
import { EditedSheetsDialog, sheetsToAskAbout } from "../EditedSheetsDialog";
import { Notice, ProblemList, ResultStack, RunNote, SheetList } from "../Notice";
import { useServices, useStrings } from "../services";
import { ProgressField } from "../useJobRun";
import { Section, errorText, useStoredSettings, useViewStyles } from "../viewParts";

type Progress = { step: string; index: number; count: number };

/**
 * "Skapa styrelsepaket": the whole board pack from the förbundsprofil stored in the workbook, with
 * populations and helårsekvivalenter from SCB (the base URL of the SCB view), the budget and the
 * initiatives tables already in the workbook. Progress per step; cancel; nothing is written unless every
 * step succeeds.
 */
export default function PackView() {
  const s = useStrings();
  const view = useViewStyles();
  const { settingsStore, createHost } = useServices();
  const profile = useStoredSettings(() => loadProfile(settingsStore));
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<PackOutcome | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [edited, setEdited] = React.useState<string[] | null>(null);
  const [note, setNote] = React.useState<string | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const run = async (onEdited?: EditedSheetDecision) => {
    if (!profile) return;
    setOutcome(null);
    setError(null);
    setNote(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ step: s.packCreate, index: 0, count: 1 });
    try {
      const scb = scbClientFor(loadScbFetchSettings(settingsStore).baseUrl);
      const result = await buildBoardPack(createHost(), profile, { scb }, {
        store: settingsStore,
        signal: controller.signal,
        ...(onEdited ? { onEdited } : {}),
        onProgress: (step, index, count) => setProgress({ step, index, count }),
      });
      const ask = sheetsToAskAbout(result, onEdited);
      if (ask) setEdited(ask);
      else if (!result.ok && result.cancelled) setNote(s.packCancelled);
      else setOutcome(result);
    } catch (e) {
      setError(errorText(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const decide = (decision: EditedSheetDecision | null) => {
    setEdited(null);
    if (decision) void run(decision);
    else setNote(s.editedRunCancelled);
  };

  if (!profile) {
    return (
      <div className={view.form}>
        <Text className={view.intro}>{s.packIntro}</Text>
        <Notice intent="warning" testId="pack-no-profile" title={s.packNoProfileTitle}>
          {s.packNoProfile}
        </Notice>
      </div>
    );
  }

  return (
    <div className={view.form}>
      <Text className={view.intro}>{s.packIntro}</Text>
      <Section id="sk-pack-profil" title={s.packProfileTitle}>
        <Text data-testid="pack-profile">{s.packProfileLine(profile.forbund, profile.ar, profile.kommuner.length)}</Text>
      </Section>
      <div>
        <Button appearance="primary" data-testid="pack-create" disabled={progress !== null} onClick={() => void run()}>
          {s.packCreate}
        </Button>{" "}
        {progress && (
          <Button data-testid="pack-cancel" onClick={() => abort.current?.abort()}>
            {s.packCancel}
          </Button>
        )}
      </div>
      {progress && <ProgressField testId="pack-progress" step={s.packStep(progress.step, progress.index, progress.count)} fraction={progress.index / progress.count} />}
      <ResultStack>
        <RunNote note={note} />
        {error && (
          <Notice intent="error" testId="pack-error" title={s.runErrorTitle}>
            {error}
          </Notice>
        )}
        {outcome && !outcome.ok && (
          <Notice intent="error" testId="pack-problems" title={s.packFailed(outcome.step ?? s.packCreate)}>
            <ProblemList problems={outcome.problems} />
          </Notice>
        )}
        {outcome && outcome.ok && (
          <Notice intent={outcome.checks.failed === 0 ? "success" : "warning"} testId="pack-done" title={s.packDone}>
            {s.packDoneSummary(outcome.sheets.length, outcome.checks.total, outcome.checks.failed)}
            {outcome.profileFromSheet && <div>{s.packFromSheet}</div>}
            {outcome.keptCopies.length > 0 && <SheetList id="sk-pack-kept" title={s.packKeptCopies} names={outcome.keptCopies} />}
            <div id="sk-pack-sheets">{s.packSheets}</div>
            <ul aria-labelledby="sk-pack-sheets" data-testid="pack-sheets">
              {outcome.sheets.map((name) => (
                <li key={name}>
                  <Link as="button" onClick={() => void createHost().activateSheet?.(name).catch(() => undefined)}>
                    {name}
                  </Link>
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </ResultStack>
      <EditedSheetsDialog sheets={edited} textId="sk-pack-edited" title={s.packEditedTitle} onDecide={decide} />
    </div>
  );
}
