import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import type { InputProblem } from "../../domain/errors";
import type { Kommun } from "../../domain/kommuner";
import { EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../../domain/scb/embeddedPopulation";
import { loadFeeSettings, runFeeSplitJob, type FeeSplitJobOutcome, type FeeSplitSettings } from "../../usecases/fee/feeSplitJob";
import { isDecimalText, swedishNumber } from "../DecimalField";
import { KommunPicker } from "../KommunPicker";
import { MemberTable } from "./MemberTable";
import { FeeSplitDone } from "./FeeSplitDone";
import { ProfilePanel, profileFieldRefs } from "../profile/ProfilePanel";
import { useProfile } from "../profile/ProfileContext";
import { draftProblems, profileFromDraft, type ProfileDraft } from "../profile/profileDraft";
import { placeOf } from "./feePlaces";
import { FormLock, StatusArea } from "../run/StatusArea";
import { useServices, useStrings } from "../services";
import { endOf, useJobRun, type FieldRef } from "../useJobRun";
import { Section, useStoredSettings, useViewStyles } from "../viewParts";

/** The fee split's settings: the profile's förbund, members, key and amount, with this view's populations. */
function feeSettings(d: ProfileDraft, populations: Readonly<Record<string, string>>): FeeSplitSettings {
  return {
    forbund: d.forbund,
    region: d.region,
    ar: d.ar,
    belopp: d.belopp,
    avser: d.avser,
    enhet: d.enhet,
    nyckel: d.nyckel,
    kommuner: d.kommuner.map((k) => ({ kod: k.kod, namn: k.namn, varde: d.nyckel.kind === "andel" ? k.andel : (populations[k.kod] ?? "") })),
  };
}

/** The Medlemsavgifter job: the förbundsprofil and the key's figures → runFeeSplitJob → a sheet "Medlemsavgifter <år>". */
export default function FeeSplitView() {
  const { lang, settingsStore, createHost } = useServices();
  const s = useStrings();
  const styles = useViewStyles();
  const { draft, update, save } = useProfile();

  const stored = useStoredSettings(() => loadFeeSettings(settingsStore));
  const [populations, setPopulations] = React.useState<Record<string, string>>(() =>
    // Populations the Swedish way, also those stored before the pane wrote them so ("78389" → "78 389").
    stored && stored.nyckel.kind === "befolkning" ? Object.fromEntries(stored.kommuner.map((k) => [k.kod, isDecimalText(k.varde) ? swedishNumber(k.varde) : k.varde])) : {},
  );
  const [writtenAr, setWrittenAr] = React.useState<number | null>(stored?.ar ?? null);
  const [fillNote, setFillNote] = React.useState<string | undefined>();

  const fields = React.useMemo<Record<string, FieldRef>>(() => {
    const f: Record<string, FieldRef> = { ...profileFieldRefs(s) };
    draft.kommuner.forEach((k, i) => {
      f[`rad-${i + 1}`] = { label: `${s.colRad} ${i + 1} (${k.namn})`, id: `sk-varde-${k.kod}` };
    });
    return f;
  }, [s, draft.kommuner]);
  const job = useJobRun<FeeSplitJobOutcome & { ok: true }>(fields, placeOf);

  const chosen = React.useMemo(() => new Set(draft.kommuner.map((k) => k.kod)), [draft.kommuner]);
  const invalidRows = new Set(draft.kommuner.map((_, i) => i).filter((i) => job.problemAt(`rad-${i + 1}`) !== undefined));

  const addKommun = (k: Kommun) => {
    job.fixed("kommuner");
    update((d) => (d.kommuner.some((m) => m.kod === k.kod) ? {} : { kommuner: [...d.kommuner, { kod: k.kod, namn: k.namn, andel: "" }] }));
  };
  const setVarde = (i: number, varde: string) => {
    job.fixed(`rad-${i + 1}`);
    const kod = draft.kommuner[i]?.kod;
    if (kod === undefined) return;
    if (draft.nyckel.kind === "andel") update((d) => ({ kommuner: d.kommuner.map((k) => (k.kod === kod ? { ...k, andel: varde } : k)) }));
    else setPopulations((p) => ({ ...p, [kod]: varde }));
  };
  const removeKommun = (i: number) => update((d) => ({ kommuner: d.kommuner.filter((_, j) => j !== i) }));

  const nyckel = draft.nyckel;
  const canFill =
    nyckel.kind === "befolkning" &&
    draft.kommuner.length > 0 &&
    embeddedPopulation(draft.kommuner[0].kod, nyckel.aldersFran, nyckel.aldersTill) !== null;
  const fillEmbedded = () => {
    if (nyckel.kind !== "befolkning") return;
    const missing: string[] = [];
    const filled: Record<string, string> = {};
    for (const k of draft.kommuner) {
      const n = embeddedPopulation(k.kod, nyckel.aldersFran, nyckel.aldersTill);
      if (n === null) missing.push(k.namn);
      else filled[k.kod] = swedishNumber(n);
    }
    draft.kommuner.forEach((_, i) => job.fixed(`rad-${i + 1}`));
    setPopulations((p) => ({ ...p, ...filled }));
    setFillNote([s.filledEmbedded(nyckel.aldersFran, nyckel.aldersTill, EMBEDDED_POPULATION_YEAR), ...missing.map(s.embeddedMissing)].join(" "));
  };
  const otherYear =
    nyckel.kind === "befolkning" && nyckel.referensAr !== EMBEDDED_POPULATION_YEAR
      ? {
          embedded: EMBEDDED_POPULATION_YEAR,
          chosen: nyckel.referensAr,
          onUseEmbedded: () => {
            job.fixed("referensar");
            update({ nyckel: { ...nyckel, referensAr: EMBEDDED_POPULATION_YEAR } });
          },
        }
      : undefined;

  const run = () =>
    job.run({
      validate: (): InputProblem[] => draftProblems(draft),
      work: async (onProgress) => {
        const result = await runFeeSplitJob(createHost(), feeSettings(draft, populations), { lang, store: settingsStore, onProgress });
        if (result.ok) {
          // The job may have kept values the user typed directly in the sheet; show what was used.
          const used = Object.fromEntries(result.settings.kommuner.map((k) => [k.kod, k.varde]));
          if (result.settings.nyckel.kind === "andel") update((d) => ({ kommuner: d.kommuner.map((k) => ({ ...k, andel: used[k.kod] ?? k.andel })) }));
          else setPopulations((p) => ({ ...p, ...used }));
          setWrittenAr(result.settings.ar);
          await save(profileFromDraft(draft)).catch(() => undefined);
        }
        return endOf(result);
      },
    });

  const members = draft.kommuner.map((k) => ({ kod: k.kod, namn: k.namn, varde: nyckel.kind === "andel" ? k.andel : (populations[k.kod] ?? "") }));

  return (
    <div className={styles.form}>
      <FormLock locked={job.busy} className={styles.form}>
        <Text className={styles.intro}>{s.feeIntro}</Text>
        <ProfilePanel job={job} withMembers={false} saveButton={false} />

        <Section id="sk-kommuner" title={`${s.sectionKommuner} (${s.memberCount(draft.kommuner.length)})`}>
          <KommunPicker chosen={chosen} onAdd={addKommun} id={fields.kommuner.id} problem={job.problemAt("kommuner")} />
          <MemberTable
            members={members}
            mode={nyckel.kind}
            invalidRows={invalidRows}
            onChangeValue={setVarde}
            onRemove={removeKommun}
            fill={nyckel.kind === "befolkning" ? { enabled: canFill, onFill: fillEmbedded, note: fillNote, otherYear } : null}
          />
        </Section>

        <div className={styles.run}>
          <Button appearance="primary" data-testid="run" onClick={() => void run()}>
            {writtenAr === draft.ar ? s.rerun : s.run}
          </Button>
        </div>
      </FormLock>
      <StatusArea job={job} renderDone={(o) => <FeeSplitDone outcome={o} />} sheetOf={(o) => o.sheetName} />
    </div>
  );
}
