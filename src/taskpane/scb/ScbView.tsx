import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { InputProblem } from "../../domain/errors";
import { kommunByCode, type Kommun } from "../../domain/kommuner";
import type { TableMetadata } from "../../sources/scb/api";
import { loadFeeSettings } from "../../usecases/fee/feeSplitSettings";
import { fetchBefolkning, fillFeePopulationFromScb } from "../../usecases/scb/befolkning";
import {
  defaultTableSelection,
  helarsekvivalenterFetch,
  helarsekvivalenterQueryProblems,
  normaliseMonth,
  populationFetch,
  populationQueryProblems,
  regionCodes,
  scbClientFor,
  tableFetch,
  tableSelection,
  yearRange,
  type HelarsekvivalenterQuery,
  type PopulationQuery,
} from "../../usecases/scb/fetchAdapters";
import {
  DEFAULT_SCB_BASE_URL,
  defaultScbFetchSettings,
  loadScbFetchSettings,
  normaliseBaseUrl,
  saveScbFetchSettings,
  type ScbDatasetChoice,
  type ScbFetchSettings,
} from "../../usecases/scb/fetchSettings";
import { fetchHelarsekvivalenter } from "../../usecases/scb/helarsekvivalenter";
import { fetchScbTable, importExtractFile, importExtractFromSelection } from "../../usecases/scb/scbImport";
import { fail, problemsOf, type ScbOutcome } from "../../usecases/scb/kallor";
import { IntegerField } from "../IntegerField";
import { AgeBandField, type Band } from "../fee/KeyChooser";
import { KommunPicker } from "../KommunPicker";
import { ScbResult, type ScbRunResult } from "./ScbResult";
import { ScbTablePicker } from "./ScbTablePicker";
import { useServices, useStrings } from "../services";
import { ProgressField, useJobRun } from "../useJobRun";
import { Section, problemState, useStoredSettings, useViewStyles } from "../viewParts";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half (their own size would overflow).
  half: { flexGrow: 1, flexBasis: 0, minWidth: 0, "& .fui-Input, & .fui-Select, & input, & select": { minWidth: 0, width: "100%" } },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginInlineStart: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
  fileInput: { display: "none" },
  listHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
});

const bandOf = (st: ScbFetchSettings): Band =>
  st.alderFran === 16 && st.alderTill === 64 ? "16-64" : st.alderFran === 20 && st.alderTill === 64 ? "20-64" : "custom";

/** Where the last action's result is shown: under the fetch, or under the buttons further down. */
type Place = "fetch" | "more";

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

  const initial = useStoredSettings(() => loadScbFetchSettings(settingsStore));
  const [st, setSt] = React.useState<ScbFetchSettings>(() => initial ?? defaultScbFetchSettings());
  const [band, setBand] = React.useState<Band>(() => bandOf(st));
  const [meta, setMeta] = React.useState<TableMetadata | null>(null);
  const [baseUrlText, setBaseUrlText] = React.useState(st.baseUrl);
  const [baseUrlProblem, setBaseUrlProblem] = React.useState<string | undefined>();
  const [abort, setAbort] = React.useState<AbortController | null>(null);
  const [place, setPlace] = React.useState<Place>("fetch");
  const job = useJobRun<ScbRunResult>();
  const fileInput = React.useRef<HTMLInputElement>(null);

  const update = (patch: Partial<ScbFetchSettings>) => setSt((prev) => ({ ...prev, ...patch }));
  const chosen = React.useMemo(() => new Set(st.kommuner), [st.kommuner]);
  const fee = loadFeeSettings(settingsStore);
  const regions = regionCodes(st.kommuner, st.lan && st.dataset !== "helarsekvivalenter", st.riket);
  const monthProblem = (m: string) => (normaliseMonth(m) === m ? undefined : s.scbManadInvalid);
  const invalidNumbers = [st.arFran, st.arTill, st.alderFran, st.alderTill].some((n) => !Number.isInteger(n));

  const addKommun = (k: Kommun) => setSt((prev) => (prev.kommuner.includes(k.kod) ? prev : { ...prev, kommuner: [...prev.kommuner, k.kod] }));
  const removeKommun = (kod: string) => setSt((prev) => ({ ...prev, kommuner: prev.kommuner.filter((k) => k !== kod) }));

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
        await saveScbFetchSettings(settingsStore, { ...loadScbFetchSettings(settingsStore), baseUrl }).catch(() => undefined);
      }
    } catch (e) {
      setBaseUrlProblem(problemsOf(e).map((p) => p.meddelande).join(" "));
    }
  };

  const fetchOutcome = async (signal: AbortSignal, onProgress: (step: string, fraction: number) => void): Promise<ScbOutcome> => {
    // The address as typed, even if the field has not been left yet.
    let client;
    let baseUrl: string;
    try {
      baseUrl = normaliseBaseUrl(baseUrlText);
      client = scbClientFor(baseUrl);
    } catch (e) {
      return fail(problemsOf(e));
    }
    const opts = { signal, onProgress };
    const check = (problems: InputProblem[]) => (problems.length > 0 ? fail(problems) : null);
    let outcome: ScbOutcome;
    if (st.dataset === "befolkning") {
      const q: PopulationQuery = { kommuner: st.kommuner, lan: st.lan, riket: st.riket, bands: [{ fran: st.alderFran, till: st.alderTill }], years: yearRange(st.arFran, st.arTill), perKon: st.perKon };
      const refused = check(
        st.arFran > st.arTill ? [{ plats: "år", meddelande: `Från-året ${st.arFran} ligger efter till-året ${st.arTill}.` }] : populationQueryProblems(q),
      );
      if (refused) return refused;
      outcome = await fetchBefolkning(createHost(), populationFetch(client, q), { ...opts, bands: [...q.bands] });
    } else if (st.dataset === "helarsekvivalenter") {
      const q: HelarsekvivalenterQuery = { kommuner: st.kommuner, riket: st.riket, fran: st.manadFran, till: st.manadTill };
      const refused = check(helarsekvivalenterQueryProblems(q));
      if (refused) return refused;
      const forbund = st.forbund.trim() || fee?.forbund || (st.kommuner.length === 1 ? (kommunByCode(st.kommuner[0])?.namn ?? "Förbundet") : "Förbundet");
      outcome = await fetchHelarsekvivalenter(createHost(), helarsekvivalenterFetch(client, q), { ...opts, forbund, kommuner: st.kommuner });
    } else {
      if (!meta) return fail([{ plats: "tabell", meddelande: "Sök och välj en tabell först." }]);
      const regionVar = meta.variables.find((v) => /^region$/i.test(v.code));
      let selection;
      try {
        selection = tableSelection(meta, { ...st.tabellVal, ...(regionVar ? { [regionVar.code]: regions } : {}) });
      } catch (e) {
        return fail(problemsOf(e));
      }
      outcome = await fetchScbTable(createHost(), tableFetch(client, { tableId: meta.id, selection }), opts);
    }
    if (outcome.ok) await saveScbFetchSettings(settingsStore, { ...st, baseUrl }).catch(() => undefined);
    return outcome;
  };

  const fetchData = () => {
    const ctrl = new AbortController();
    setPlace("fetch");
    setAbort(ctrl);
    void job
      .run(async (onProgress) => ({ kind: "scb" as const, outcome: await fetchOutcome(ctrl.signal, onProgress) }), invalidNumbers ? s.fixNumbers : null)
      .finally(() => setAbort(null));
  };

  const more = (work: (onProgress: (step: string, fraction: number) => void) => Promise<ScbRunResult>) => {
    setPlace("more");
    void job.run(work);
  };

  const fillFee = () => more(async (onProgress) => ({ kind: "fill", outcome: await fillFeePopulationFromScb(createHost(), { store: settingsStore, lang, onProgress }) }));
  const cleanSelection = () => more(async (onProgress) => ({ kind: "scb", outcome: await importExtractFromSelection(createHost(), { onProgress }) }));
  const importFile = (file: File) =>
    more(async (onProgress) => ({ kind: "scb", outcome: await importExtractFile(createHost(), new Uint8Array(await file.arrayBuffer()), file.name, { onProgress }) }));

  const running = job.running;
  const progress = job.progress && <ProgressField testId="progress" step={job.progress.step} fraction={job.progress.fraction} />;
  const result = <ScbResult result={job.outcome} error={job.error} />;

  return (
    <div className={view.form}>
      <Text className={view.intro}>{s.scbIntro}</Text>

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
            <AgeBandField
              testId="scb-aldersband"
              value={band}
              disabled={running}
              onChange={(b) => {
                setBand(b);
                if (b === "16-64") update({ alderFran: 16, alderTill: 64 });
                if (b === "20-64") update({ alderFran: 20, alderTill: 64 });
              }}
            />
            {band === "custom" && (
              <div className={styles.row}>
                <IntegerField className={styles.half} testId="scb-alder-fran" label={s.aldersFran} value={st.alderFran} onChange={(n) => update({ alderFran: n })} />
                <IntegerField className={styles.half} testId="scb-alder-till" label={s.aldersTill} value={st.alderTill} onChange={(n) => update({ alderTill: n })} />
              </div>
            )}
            <Checkbox data-testid="scb-per-kon" label={s.scbPerKon} checked={st.perKon} disabled={running} onChange={(_, d) => update({ perKon: d.checked === true })} />
            <div className={styles.row}>
              <IntegerField className={styles.half} testId="scb-ar-fran" label={s.scbArFran} value={st.arFran} onChange={(n) => update({ arFran: n })} />
              <IntegerField className={styles.half} testId="scb-ar-till" label={s.scbArTill} value={st.arTill} onChange={(n) => update({ arTill: n })} />
            </div>
            <Text className={styles.muted}>{s.scbArHint}</Text>
          </>
        )}

        {st.dataset === "helarsekvivalenter" && (
          <>
            <div className={styles.row}>
              <Field className={styles.half} label={s.scbManadFran} {...problemState(monthProblem(st.manadFran))}>
                <Input data-testid="scb-manad-fran" value={st.manadFran} disabled={running} onChange={(_, d) => update({ manadFran: d.value.trim() })} />
              </Field>
              <Field className={styles.half} label={s.scbManadTill} {...problemState(monthProblem(st.manadTill))}>
                <Input data-testid="scb-manad-till" value={st.manadTill} disabled={running} onChange={(_, d) => update({ manadTill: d.value.trim() })} />
              </Field>
            </div>
            <Text className={styles.muted}>{s.scbManadHint}</Text>
            <Field label={s.scbForbund} hint={s.scbForbundHint}>
              <Input data-testid="scb-forbund" value={st.forbund} placeholder={fee?.forbund ?? s.forbundPlaceholder} disabled={running} onChange={(_, d) => update({ forbund: d.value })} />
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

      <Section id="sk-scb-kommuner" title={`${s.scbSectionRegioner} (${s.memberCount(st.kommuner.length)})`}>
        <KommunPicker chosen={chosen} onAdd={addKommun} />
        <h4 id="sk-scb-chosen" className={styles.listHeading}>
          {s.scbChosenKommuner}
        </h4>
        {st.kommuner.length === 0 ? (
          <Text className={styles.muted} data-testid="scb-no-kommuner">
            {s.scbNoKommuner}
          </Text>
        ) : (
          <ul className={styles.list} aria-labelledby="sk-scb-chosen" data-testid="scb-kommuner">
            {st.kommuner.map((kod) => {
              const namn = kommunByCode(kod)?.namn ?? kod;
              return (
                <li key={kod} className={styles.item}>
                  <span>
                    {namn}
                    <span className={styles.code}>{kod}</span>
                  </span>
                  <Button size="small" appearance="subtle" aria-label={s.remove(namn)} disabled={running} onClick={() => removeKommun(kod)}>
                    ✕
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        {st.dataset === "helarsekvivalenter" ? (
          <Field hint={s.scbIncludeLanHe}>
            <Checkbox data-testid="scb-lan" label={s.scbIncludeLan} checked={false} disabled />
          </Field>
        ) : (
          <Checkbox data-testid="scb-lan" label={s.scbIncludeLan} checked={st.lan} disabled={running} onChange={(_, d) => update({ lan: d.checked === true })} />
        )}
        <Checkbox data-testid="scb-riket" label={s.scbIncludeRiket} checked={st.riket} disabled={running} onChange={(_, d) => update({ riket: d.checked === true })} />
      </Section>

      <div className={view.run}>
        <div className={styles.buttons}>
          <Button appearance="primary" data-testid="scb-fetch" disabled={running} onClick={fetchData}>
            {s.scbFetch}
          </Button>
          <Button data-testid="scb-cancel" disabled={!abort}
            onClick={() => {
              abort?.abort();
              setAbort(null);
            }}
          >
            {s.scbCancel}
          </Button>
        </div>
        {place === "fetch" && progress}
        {place === "fetch" && result}
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
        {place === "more" && progress}
        {place === "more" && result}
      </Section>

      <Accordion collapsible>
        <AccordionItem value="advanced">
          <AccordionHeader data-testid="scb-advanced">{s.scbSectionAdvanced}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.stack}>
              <Field label={s.scbBaseUrl} hint={s.scbBaseUrlHint(DEFAULT_SCB_BASE_URL)} {...problemState(baseUrlProblem)}>
                <Input
                  data-testid="scb-base-url"
                  type="url"
                  value={baseUrlText}
                  disabled={running}
                  onChange={(_, d) => setBaseUrlText(d.value)}
                  onBlur={() => void commitBaseUrl(baseUrlText)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") void commitBaseUrl(baseUrlText);
                  }}
                />
              </Field>
              <Button size="small" data-testid="scb-base-url-reset" disabled={running || st.baseUrl === DEFAULT_SCB_BASE_URL} onClick={() => void commitBaseUrl(DEFAULT_SCB_BASE_URL)}>
                {s.scbBaseUrlReset}
              </Button>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
