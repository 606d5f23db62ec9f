import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { Kommun } from "../../domain/kommuner";
import { EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../../domain/scb/embeddedPopulation";
import {
  defaultFeeSplitSettings,
  loadFeeSettings,
  runFeeSplitJob,
  type FeeSplitJobOutcome,
  type FeeSplitSettings,
} from "../../usecases/fee/feeSplitJob";
import { IntegerField } from "../IntegerField";
import { KeyChooser } from "./KeyChooser";
import { KommunPicker } from "../KommunPicker";
import { MemberTable } from "./MemberTable";
import { ResultMessage } from "../ResultMessage";
import { useServices, useStrings } from "../services";
import { ProgressField, useJobRun } from "../useJobRun";
import { Section, TextField, UnitChoice, problemState, useStoredSettings, useViewStyles } from "../viewParts";

/** Which problems point at which input: "rad 3 …" → member row 2; "belopp", "ar", … → that field. */
function locateProblems(outcome: FeeSplitJobOutcome | null) {
  const rows = new Set<number>();
  const fields = new Map<string, string>();
  if (outcome && !outcome.ok) {
    for (const p of outcome.problems) {
      const row = /^rad (\d+)/.exec(p.plats ?? "");
      if (row) rows.add(Number(row[1]) - 1);
      else if (p.plats) {
        const key = p.plats === "år" ? "ar" : p.plats;
        if (!fields.has(key)) fields.set(key, p.meddelande);
      }
    }
  }
  return { rows, fields };
}

function hasInvalidNumber(st: FeeSplitSettings): boolean {
  const nums = [st.ar];
  if (st.nyckel.kind === "befolkning") nums.push(st.nyckel.aldersFran, st.nyckel.aldersTill, st.nyckel.referensAr);
  return nums.some((n) => !Number.isInteger(n));
}

/** The Medlemsavgifter job: choices → runFeeSplitJob → a sheet "Medlemsavgifter <år>". */
export default function FeeSplitView() {
  const { lang, settingsStore, createHost } = useServices();
  const s = useStrings();
  const styles = useViewStyles();

  const initial = useStoredSettings(() => loadFeeSettings(settingsStore));
  const [settings, setSettings] = React.useState<FeeSplitSettings>(() => initial ?? defaultFeeSplitSettings());
  const [writtenAr, setWrittenAr] = React.useState<number | null>(initial?.ar ?? null);
  const { outcome, error, progress, running, run: runJob } = useJobRun<FeeSplitJobOutcome>();
  const [fillNote, setFillNote] = React.useState<string | undefined>();

  const update = (patch: Partial<FeeSplitSettings>) => setSettings((prev) => ({ ...prev, ...patch }));
  const chosen = React.useMemo(() => new Set(settings.kommuner.map((k) => k.kod)), [settings.kommuner]);
  const located = React.useMemo(() => locateProblems(outcome), [outcome]);
  /** A TextField's binding to a text setting: its value, its changes and the last run's problem with it. */
  const textSetting = (key: "forbund" | "region") => ({
    testId: key,
    value: settings[key],
    onChange: (value: string) => update({ [key]: value }),
    problem: located.fields.get(key),
  });

  const addKommun = (k: Kommun) =>
    setSettings((prev) =>
      prev.kommuner.some((m) => m.kod === k.kod)
        ? prev
        : { ...prev, kommuner: [...prev.kommuner, { kod: k.kod, namn: k.namn, varde: "" }] },
    );
  const setVarde = (i: number, varde: string) =>
    setSettings((prev) => ({ ...prev, kommuner: prev.kommuner.map((k, j) => (j === i ? { ...k, varde } : k)) }));
  const removeKommun = (i: number) =>
    setSettings((prev) => ({ ...prev, kommuner: prev.kommuner.filter((_, j) => j !== i) }));

  const nyckel = settings.nyckel;
  const canFill =
    nyckel.kind === "befolkning" &&
    settings.kommuner.length > 0 &&
    embeddedPopulation(settings.kommuner[0].kod, nyckel.aldersFran, nyckel.aldersTill) !== null;
  const fillEmbedded = () => {
    if (nyckel.kind !== "befolkning") return;
    const missing: string[] = [];
    const kommuner = settings.kommuner.map((k) => {
      const n = embeddedPopulation(k.kod, nyckel.aldersFran, nyckel.aldersTill);
      if (n === null) missing.push(k.namn);
      return n === null ? k : { ...k, varde: String(n) };
    });
    const notes = [s.filledEmbedded(nyckel.aldersFran, nyckel.aldersTill, EMBEDDED_POPULATION_YEAR)];
    if (nyckel.referensAr !== EMBEDDED_POPULATION_YEAR) notes.push(s.referensArChanged(EMBEDDED_POPULATION_YEAR));
    for (const m of missing) notes.push(s.embeddedMissing(m));
    update({ kommuner, nyckel: { ...nyckel, referensAr: EMBEDDED_POPULATION_YEAR } });
    setFillNote(notes.join(" "));
  };

  const run = () =>
    runJob(async (onProgress) => {
      const result = await runFeeSplitJob(createHost(), settings, { lang, store: settingsStore, onProgress });
      if (result.ok) {
        // The job may have kept values the user typed directly in the sheet; show what was used.
        setSettings(result.settings);
        setWrittenAr(result.settings.ar);
      }
      return result;
    }, hasInvalidNumber(settings) ? s.fixNumbers : null);

  return (
    <div className={styles.form}>
      <Text className={styles.intro}>{s.feeIntro}</Text>

      <Section id="sk-forbund" title={s.sectionForbund}>
        <TextField label={s.forbund} placeholder={s.forbundPlaceholder} {...textSetting("forbund")} />
        <TextField label={s.region} placeholder={s.regionPlaceholder} {...textSetting("region")} />
        <IntegerField testId="ar" label={s.ar} value={settings.ar} onChange={(ar) => update({ ar })} />
      </Section>

      <Section id="sk-belopp" title={s.sectionBelopp}>
        <Field label={s.belopp} hint={s.beloppHint} {...problemState(located.fields.get("belopp"))}>
          <Input
            data-testid="belopp"
            inputMode="decimal"
            value={settings.belopp}
            contentAfter={<span aria-hidden="true">{settings.enhet === "tkr" ? s.enhetTkr : s.enhetKr}</span>}
            onChange={(_, d) => update({ belopp: d.value })}
          />
        </Field>
        <UnitChoice label={s.enhet} testId="enhet" first="tkr" value={settings.enhet} onChange={(enhet) => update({ enhet })} />
        <Field label={s.avser}>
          <RadioGroup
            data-testid="avser"
            value={settings.avser}
            onChange={(_, d) => update({ avser: d.value as FeeSplitSettings["avser"] })}
          >
            <Radio value="total" label={s.avserTotal} />
            <Radio value="stat" label={s.avserStat} />
            <Radio value="kommuner" label={s.avserKommuner} />
          </RadioGroup>
        </Field>
      </Section>

      <Section id="sk-nyckel" title={s.sectionNyckel}>
        <KeyChooser value={settings.nyckel} onChange={(n) => update({ nyckel: n })} />
      </Section>

      <Section id="sk-kommuner" title={`${s.sectionKommuner} (${s.memberCount(settings.kommuner.length)})`}>
        <KommunPicker chosen={chosen} onAdd={addKommun} />
        <MemberTable
          members={settings.kommuner}
          mode={nyckel.kind}
          invalidRows={located.rows}
          onChangeValue={setVarde}
          onRemove={removeKommun}
          fill={nyckel.kind === "befolkning" ? { enabled: canFill, onFill: fillEmbedded, note: fillNote } : null}
        />
      </Section>

      <div className={styles.run}>
        <Button appearance="primary" data-testid="run" disabled={running} onClick={() => void run()}>
          {writtenAr === settings.ar ? s.rerun : s.run}
        </Button>
        {progress && <ProgressField testId="progress" step={progress.step} fraction={progress.fraction} />}
        <ResultMessage outcome={outcome} error={error} />
      </div>
    </div>
  );
}
