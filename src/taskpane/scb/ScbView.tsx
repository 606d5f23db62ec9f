import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableMetadata } from "../../sources/scb/api";
import { loadFeeSettings } from "../../usecases/fee/feeSplitSettings";
import { fillFeePopulationFromScb } from "../../usecases/scb/befolkning";
import { defaultTableSelection, normaliseMonth, regionCodes } from "../../usecases/scb/fetchAdapters";
import {
  defaultScbFetchSettings,
  loadScbFetchSettings,
  normaliseBaseUrl,
  saveScbFetchSettings,
  type ScbDatasetChoice,
  type ScbFetchSettings,
} from "../../usecases/scb/fetchSettings";
import { importExtractFile, importExtractFromSelection } from "../../usecases/scb/scbImport";
import { fail, problemsOf } from "../../usecases/scb/kallor";
import { sizeProblem } from "../../sources/inputLimits";
import { IntegerField } from "../IntegerField";
import { AgeBandFields, useAgeBand } from "../AgeBand";
import { ScbAdvanced } from "./ScbAdvanced";
import { ScbKommuner } from "./ScbKommuner";
import { ScbResult, type ScbDone, type ScbRunResult } from "./ScbResult";
import { ScbTablePicker } from "./ScbTablePicker";
import { runScbFetch } from "./scbFetchRun";
import { useServices, useStrings } from "../services";
import { ProfilePanel, profileFieldRefs } from "../profile/ProfilePanel";
import { useProfile } from "../profile/ProfileContext";
import { placeOf } from "./scbPlaces";
import { FormLock, StatusArea } from "../run/StatusArea";
import { useJobRun, type FieldRef, type RunEnd } from "../useJobRun";
import { Section, problemState, useStoredSettings, useViewStyles } from "../viewParts";

/** A fetch's, an import's or the fill's outcome as a run's end: written, cancelled (a note), or why not. */
function scbEnd(r: ScbRunResult, cancelledNote: string): RunEnd<ScbDone> {
  const o = r.outcome;
  if (o.ok) return { done: r as ScbDone };
  if ("cancelled" in o && o.cancelled) return { note: cancelledNote };
  return o.failure ? { problems: o.problems, failure: o.failure } : { problems: o.problems };
}

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half (their own size would overflow).
  half: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    "& .fui-Input, & .fui-Select, & input, & select": {
      minWidth: 0,
      width: "100%",
    },
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  fileInput: { display: "none" },
});

/**
 * The SCB-data job: population, helårsekvivalenter or any table fetched from SCB's API (all or
 * nothing, with progress by batch and a cancel button), the fee split's population filled from the
 * Befolkning sheet, and SCB extracts (a selection, a file) cleaned into tables.
 */
export default function ScbView() {
  const { settingsStore, createHost, lang } = useServices();
  const s = useStrings();
  const view = useViewStyles();
  const styles = useStyles();

  const profile = useProfile();
  const initial = useStoredSettings(() => loadScbFetchSettings(settingsStore));
  // The förbund's members from the profile, where no kommuner were chosen here before.
  const [st, setSt] = React.useState<ScbFetchSettings>(() => {
    const base = initial ?? defaultScbFetchSettings();
    return base.kommuner.length === 0 ? { ...base, kommuner: profile.draft.kommuner.map((k) => k.kod) } : base;
  });
  const [band, setBand] = useAgeBand({
    fran: st.alderFran,
    till: st.alderTill,
  });
  const [meta, setMeta] = React.useState<TableMetadata | null>(null);
  const [baseUrlText, setBaseUrlText] = React.useState(st.baseUrl);
  const [baseUrlProblem, setBaseUrlProblem] = React.useState<string | undefined>();
  const fields = React.useMemo<Record<string, FieldRef>>(
    () => ({
      ...profileFieldRefs(s),
      ar: { label: s.scbArFran, id: "sk-scb-ar-fran" },
      alder: { label: s.aldersband, id: "sk-scb-alder" },
      manadFran: { label: s.scbManadFran, id: "sk-scb-manad-fran" },
      manadTill: { label: s.scbManadTill, id: "sk-scb-manad-till" },
      kommuner: { label: s.scbSectionRegioner, id: "sk-scb-kommun" },
      tabell: { label: s.scbDatasetTabell, id: "sk-scb-tabell" },
    }),
    [s],
  );
  const job = useJobRun<ScbDone>(fields, placeOf);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const update = (patch: Partial<ScbFetchSettings>) => {
    if ("arFran" in patch || "arTill" in patch) job.fixed("ar");
    if ("manadFran" in patch || "manadTill" in patch) {
      job.fixed("manadFran");
      job.fixed("manadTill");
    }
    if ("kommuner" in patch) job.fixed("kommuner");
    setSt((prev) => ({ ...prev, ...patch }));
  };
  const fee = loadFeeSettings(settingsStore);
  const regions = regionCodes(st.kommuner, st.lan && st.dataset !== "helarsekvivalenter", st.riket);
  const monthProblem = (m: string) => (normaliseMonth(m) === m ? undefined : s.scbManadInvalid);
  const invalidNumbers = [st.arFran, st.arTill, st.alderFran, st.alderTill].some((n) => !Number.isInteger(n));

  const onTable = React.useCallback(
    (id: string, m: TableMetadata) => {
      setMeta(m);
      setSt((prev) => {
        // Keep the stored choices for the same table; a new table starts from its metadata.
        const tabellVal = prev.tabellId === id && Object.keys(prev.tabellVal).length > 0 ? prev.tabellVal : defaultTableSelection(m);
        return { ...prev, tabellId: id, tabellVal };
      });
    },
    [setSt],
  );

  /** The base URL typed under Avancerat: kept (and stored with the workbook) once it is a web address. */
  const commitBaseUrl = async (text: string) => {
    try {
      const baseUrl = normaliseBaseUrl(text);
      setBaseUrlProblem(undefined);
      setBaseUrlText(baseUrl);
      if (baseUrl !== st.baseUrl) {
        update({ baseUrl });
        setMeta(null);
        await saveScbFetchSettings(settingsStore, {
          ...loadScbFetchSettings(settingsStore),
          baseUrl,
        }).catch(() => undefined);
      }
    } catch (e) {
      setBaseUrlProblem(
        problemsOf(e)
          .map((p) => p.meddelande)
          .join(" "),
      );
    }
  };

  const fetchData = () => {
    const forbund = profile.draft.forbund.trim() || fee?.forbund;
    const request = {
      settings: st,
      baseUrlText,
      meta,
      regions,
      feeForbund: forbund,
      createHost,
      settingsStore,
    };
    void job.run({
      validate: () => (invalidNumbers ? [{ plats: "år", meddelande: s.fixNumbers }] : []),
      work: async (onProgress, signal) =>
        scbEnd(
          {
            kind: "scb",
            outcome: await runScbFetch(request, signal, (step, f) => onProgress(step, f)),
          },
          s.scbCancelled,
        ),
    });
  };

  const more = (work: (onProgress: (step: string, fraction: number) => void) => Promise<ScbRunResult>) =>
    void job.run({
      work: async (onProgress) => scbEnd(await work((step, f) => onProgress(step, f)), s.scbCancelled),
    });

  const fillFee = () =>
    more(async (onProgress) => ({
      kind: "fill",
      outcome: await fillFeePopulationFromScb(createHost(), {
        store: settingsStore,
        lang,
        onProgress,
      }),
    }));
  const cleanSelection = () =>
    more(async (onProgress) => ({
      kind: "scb",
      outcome: await importExtractFromSelection(createHost(), { onProgress }),
    }));
  const importFile = (file: File) =>
    more(async (onProgress) => {
      // The picked file's size is known before it is read: one past the limit is refused unread.
      const tooLarge = sizeProblem("scb", file.size, file.name);
      if (tooLarge) return { kind: "scb", outcome: fail([tooLarge]) };
      return { kind: "scb", outcome: await importExtractFile(createHost(), new Uint8Array(await file.arrayBuffer()), file.name, { onProgress }) };
    });

  const running = job.busy;

  return (
    <div className={view.form}>
      <FormLock locked={running} className={view.form}>
        <Text className={view.intro}>{s.scbIntro}</Text>
        {/* The members are not picked here: the fetch's own list (Kommuner) starts from the profile's members. */}
        <ProfilePanel job={job} withMembers={false} saveButton defaultOpen={false} />

        <Section id="sk-scb-dataset" title={s.scbSectionDataset}>
          <Field label={s.scbDataset}>
            <RadioGroup data-testid="scb-dataset" value={st.dataset} onChange={(_, d) => update({ dataset: d.value as ScbDatasetChoice })} disabled={running}>
              <Radio value="befolkning" label={s.scbDatasetBefolkning} />
              <Radio value="helarsekvivalenter" label={s.scbDatasetHe} />
              <Radio value="tabell" label={s.scbDatasetTabell} />
            </RadioGroup>
          </Field>

          {st.dataset === "befolkning" && (
            <>
              <AgeBandFields
                testIds={{
                  band: "scb-aldersband",
                  fran: "scb-alder-fran",
                  till: "scb-alder-till",
                }}
                band={band}
                onBand={setBand}
                range={{ fran: st.alderFran, till: st.alderTill }}
                onRange={(r) => update({ alderFran: r.fran, alderTill: r.till })}
                disabled={running}
                fieldClassName={styles.half}
              />
              <Checkbox
                data-testid="scb-per-kon"
                label={s.scbPerKon}
                checked={st.perKon}
                disabled={running}
                onChange={(_, d) => update({ perKon: d.checked === true })}
              />
              <div className={styles.row}>
                <IntegerField
                  className={styles.half}
                  testId="scb-ar-fran"
                  id={fields.ar.id}
                  label={s.scbArFran}
                  value={st.arFran}
                  onChange={(n) => update({ arFran: n })}
                  problem={job.problemAt("ar")}
                />
                <IntegerField className={styles.half} testId="scb-ar-till" label={s.scbArTill} value={st.arTill} onChange={(n) => update({ arTill: n })} />
              </div>
              <Text className={styles.muted}>{s.scbArHint}</Text>
            </>
          )}

          {st.dataset === "helarsekvivalenter" && (
            <>
              <div className={styles.row}>
                <Field className={styles.half} label={s.scbManadFran} {...problemState(monthProblem(st.manadFran) ?? job.problemAt("manadFran"))}>
                  <Input
                    id={fields.manadFran.id}
                    data-testid="scb-manad-fran"
                    value={st.manadFran}
                    disabled={running}
                    onChange={(_, d) => update({ manadFran: d.value.trim() })}
                  />
                </Field>
                <Field className={styles.half} label={s.scbManadTill} {...problemState(monthProblem(st.manadTill) ?? job.problemAt("manadTill"))}>
                  <Input
                    id={fields.manadTill.id}
                    data-testid="scb-manad-till"
                    value={st.manadTill}
                    disabled={running}
                    onChange={(_, d) => update({ manadTill: d.value.trim() })}
                  />
                </Field>
              </div>
              <Text className={styles.muted}>{s.scbManadHint}</Text>
              <Field label={s.scbForbund} hint={s.scbForbundHint}>
                <Input
                  data-testid="scb-forbund"
                  value={st.forbund}
                  placeholder={profile.draft.forbund.trim() || fee?.forbund || s.forbundPlaceholder}
                  disabled={running}
                  onChange={(_, d) => update({ forbund: d.value })}
                />
              </Field>
            </>
          )}

          {st.dataset === "tabell" && (
            <ScbTablePicker
              baseUrl={st.baseUrl}
              tableId={st.tabellId}
              meta={meta}
              chosen={st.tabellVal}
              onTable={onTable}
              onChosen={(tabellVal) => update({ tabellVal })}
              regions={regions}
              disabled={running}
            />
          )}
        </Section>

        <ScbKommuner settings={st} update={update} setSettings={setSt} disabled={running} id={fields.kommuner.id} problem={job.problemAt("kommuner")} />

        <div className={view.run}>
          <div className={styles.buttons}>
            <Button appearance="primary" data-testid="scb-fetch" onClick={fetchData}>
              {s.scbFetch}
            </Button>
          </div>
        </div>

        <Section id="sk-scb-more" title={s.scbSectionMore}>
          <div className={styles.stack}>
            <Button data-testid="scb-fill-fee" disabled={running} onClick={fillFee}>
              {s.scbFillFee(fee?.ar ?? null)}
            </Button>
            <Text className={styles.muted}>{s.scbFillFeeHint}</Text>
            <Button data-testid="scb-clean-selection" disabled={running} onClick={cleanSelection}>
              {s.scbCleanSelection}
            </Button>
            <Text className={styles.muted}>{s.scbCleanSelectionHint}</Text>
            <Button data-testid="scb-choose-file" disabled={running} onClick={() => fileInput.current?.click()}>
              {s.scbChooseFile}
            </Button>
            <input
              ref={fileInput}
              className={styles.fileInput}
              type="file"
              accept=".csv,.txt,.tsv,.json,.px,text/csv"
              aria-label={s.scbChooseFile}
              data-testid="scb-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) importFile(file);
              }}
            />
          </div>
        </Section>

        <ScbAdvanced
          text={baseUrlText}
          baseUrl={st.baseUrl}
          problem={baseUrlProblem}
          disabled={running}
          onText={setBaseUrlText}
          onCommit={(text) => void commitBaseUrl(text)}
        />
      </FormLock>
      <StatusArea
        job={job}
        cancellable
        renderDone={(d) => <ScbResult result={d} />}
        sheetOf={(d) => (d.kind === "scb" ? d.outcome.sheets[0] : d.outcome.sheetName)}
      />
    </div>
  );
}
