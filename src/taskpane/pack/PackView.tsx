import * as React from "react";
import { Button, Link, Text } from "@fluentui/react-components";
import type { ForbundProfile } from "../../domain/profile/profile";
import { wholeCountryAllocationInput } from "../../samples/wholeCountryAllocation";
import { buildBoardPack, type PackOutcome } from "../../usecases/pack/boardPack";
import { loadScbFetchSettings } from "../../usecases/scb/fetchSettings";
import { scbClientFor } from "../../usecases/scb/fetchAdapters";
import type { EditedSheetDecision } from "../../usecases/writeSheets";
import { EditedSheetsDialog, sheetsToAskAbout, useEditedSheetsQuestion } from "../EditedSheetsDialog";
import { Notice, SheetList } from "../Notice";
import { useProfile } from "../profile/ProfileContext";
import { ProfilePanel, profileFieldRefs } from "../profile/ProfilePanel";
import { draftProblems, profileFieldOf, profileFromDraft } from "../profile/profileDraft";
import { FormLock, StatusArea } from "../run/StatusArea";
import { useServices, useStrings } from "../services";
import { useJobRun } from "../useJobRun";
import { Section, useViewStyles } from "../viewParts";

type PackDone = Extract<PackOutcome, { ok: true }>;

/** The pack names profile problems as "profilen, fältet …" (a file's words); the editor's fields take them. */
const placeOf = (plats: string) => profileFieldOf(plats.replace(/^profilen,/, "förbundsprofilen,"));

/**
 * "Skapa styrelsepaket": the whole board pack from the förbundsprofil (edited in the panel above, stored in
 * the workbook), with populations and helårsekvivalenter from SCB (the base URL of the SCB view) and the
 * budget and initiatives tables already in the workbook. Progress per step and Avbryt in the status area;
 * nothing is written unless every step succeeds.
 */
export default function PackView() {
  const s = useStrings();
  const view = useViewStyles();
  const { settingsStore, createHost } = useServices();
  const profile = useProfile();
  const fields = React.useMemo(() => profileFieldRefs(s), [s]);
  const job = useJobRun<PackDone>(fields, placeOf);
  const edited = useEditedSheetsQuestion(job);

  const run = (onEdited?: EditedSheetDecision) =>
    job.run({
      validate: () => draftProblems(profile.draft),
      work: async (onProgress, signal) => {
        const scb = scbClientFor(loadScbFetchSettings(settingsStore).baseUrl);
        // The state-allocation forecast counts the whole country (SCB's 2019 population, synthetic försörjningsmått, both labelled on its sheet).
        const allocation = (p: ForbundProfile) => wholeCountryAllocationInput({ forbund: p.forbund, kommuner: p.kommuner, ar: p.ar });
        const result = await buildBoardPack(createHost(), profileFromDraft(profile.draft), { scb, allocation }, {
          store: settingsStore,
          signal,
          ...(onEdited ? { onEdited } : {}),
          onProgress: (step, index, count) => onProgress(s.packStep(step, index, count), count > 0 ? (index - 1) / count : undefined),
        });
        const ask = sheetsToAskAbout(result, onEdited);
        if (ask) {
          edited.ask(ask);
          return null;
        }
        if (result.ok) return { done: result };
        if (result.cancelled) return { note: s.packCancelled };
        // Which step stopped the pack goes with each problem, so the summary says where it failed.
        const step = result.step;
        const problems = step ? result.problems.map((p) => ({ ...p, meddelande: `${s.packFailed(step)}: ${p.meddelande}` })) : result.problems;
        return result.failure ? { problems, failure: result.failure } : { problems };
      },
    });


  return (
    <div className={view.form}>
      <FormLock locked={job.busy} className={view.form}>
        <Text className={view.intro}>{s.packIntro}</Text>
        <ProfilePanel job={job} withMembers saveButton withFeeFields defaultOpen={profile.saved === null} />
        {profile.saved === null ? (
          <Notice intent="warning" testId="pack-no-profile" title={s.packNoProfileTitle}>
            {s.packNoProfile}
          </Notice>
        ) : (
          <Section id="sk-pack-profil" title={s.packProfileTitle}>
            <Text data-testid="pack-profile">{s.packProfileLine(profile.saved.forbund, profile.saved.ar, profile.saved.kommuner.length)}</Text>
            <div className={view.run}>
              <Button appearance="primary" data-testid="pack-create" onClick={() => void run()}>
                {s.packCreate}
              </Button>
            </div>
          </Section>
        )}
      </FormLock>

      <StatusArea job={job} cancellable sheetOf={(d) => d.sheets[0]} renderDone={(d) => <PackResult outcome={d} />} />

      <EditedSheetsDialog sheets={edited.sheets} textId="sk-pack-edited" title={s.packEditedTitle} onDecide={(d) => edited.decide(d, run)} />
    </div>
  );
}

/** The finished pack: its checks, kept copies, and every sheet as a link that shows it. */
function PackResult(props: { outcome: PackDone }) {
  const s = useStrings();
  const { createHost } = useServices();
  const { outcome } = props;
  return (
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
  );
}
