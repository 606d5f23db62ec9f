import * as React from "react";
import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { FeeSplitSettings } from "../../usecases/fee/feeSplitJob";
import { IntegerField } from "../IntegerField";
import { useStrings } from "../services";

type Nyckel = FeeSplitSettings["nyckel"];
/** An age band: one of the two usual ones, or the user's own. */
export type Band = "16-64" | "20-64" | "custom";

const PRESETS: Record<Exclude<Band, "custom">, [number, number]> = { "16-64": [16, 64], "20-64": [20, 64] };

function bandOf(n: Nyckel): Band {
  if (n.kind !== "befolkning") return "20-64";
  const hit = (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).find(
    (b) => PRESETS[b][0] === n.aldersFran && PRESETS[b][1] === n.aldersTill,
  );
  return hit ?? "custom";
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
});

/** The age band choice: 16–64, 20–64 or the user's own. */
export function AgeBandField(props: { testId: string; value: Band; disabled?: boolean; onChange: (band: Band) => void }) {
  const s = useStrings();
  return (
    <Field label={s.aldersband}>
      <RadioGroup data-testid={props.testId} value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value as Band)}>
        <Radio value="16-64" label={s.band1664} />
        <Radio value="20-64" label={s.band2064} />
        <Radio value="custom" label={s.bandCustom} />
      </RadioGroup>
    </Field>
  );
}

/** The key the kommuner share their 25 % by: working-age population (band and year) or fixed shares. */
export function KeyChooser(props: { value: Nyckel; onChange: (n: Nyckel) => void }) {
  const s = useStrings();
  const styles = useStyles();
  const { value, onChange } = props;
  // Remembered separately so that typing 16 into a custom band does not jump back to a preset.
  const [band, setBand] = React.useState<Band>(() => bandOf(value));
  // The last population key, so switching to shares and back keeps the band and year.
  const lastPop = React.useRef(value.kind === "befolkning" ? value : { kind: "befolkning" as const, aldersFran: 20, aldersTill: 64, referensAr: new Date().getFullYear() - 1 });
  if (value.kind === "befolkning") lastPop.current = value;
  React.useEffect(() => {
    if (value.kind === "befolkning" && band !== "custom" && bandOf(value) !== band) setBand(bandOf(value));
  }, [value, band]);

  return (
    <div className={styles.stack}>
      <Field label={s.nyckel}>
        <RadioGroup
          data-testid="nyckel"
          value={value.kind}
          onChange={(_, d) => onChange(d.value === "andel" ? { kind: "andel" } : lastPop.current)}
        >
          <Radio value="befolkning" label={s.nyckelBefolkning} />
          <Radio value="andel" label={s.nyckelAndel} />
        </RadioGroup>
      </Field>
      {value.kind === "befolkning" && (
        <>
          <AgeBandField
            testId="aldersband"
            value={band}
            onChange={(b) => {
              setBand(b);
              if (b !== "custom") onChange({ ...value, aldersFran: PRESETS[b][0], aldersTill: PRESETS[b][1] });
            }}
          />
          {band === "custom" && (
            <div className={styles.row}>
              <IntegerField
                className={styles.grow}
                testId="alders-fran"
                label={s.aldersFran}
                value={value.aldersFran}
                onChange={(n) => onChange({ ...value, aldersFran: n })}
              />
              <IntegerField
                className={styles.grow}
                testId="alders-till"
                label={s.aldersTill}
                value={value.aldersTill}
                onChange={(n) => onChange({ ...value, aldersTill: n })}
              />
            </div>
          )}
          <IntegerField
            testId="referensar"
            label={s.referensAr}
            value={value.referensAr}
            onChange={(n) => onChange({ ...value, referensAr: n })}
          />
        </>
      )}
    </div>
  );
}
