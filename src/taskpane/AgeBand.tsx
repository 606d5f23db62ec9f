import * as React from "react";
import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { IntegerField } from "./IntegerField";
import { useStrings } from "./services";

/** An age band: one of the two usual ones, or the user's own. */
export type Band = "16-64" | "20-64" | "custom";

/** An age range, from and to (inclusive). */
export interface AgeRange {
  fran: number;
  till: number;
}

const PRESETS: Record<Exclude<Band, "custom">, [number, number]> = { "16-64": [16, 64], "20-64": [20, 64] };

/** The usual band a range is, or "custom". */
export function bandOf(range: AgeRange): Band {
  const hit = (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).find((b) => PRESETS[b][0] === range.fran && PRESETS[b][1] === range.till);
  return hit ?? "custom";
}

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
});

/**
 * The band chosen for a range, remembered apart from the range so that typing 16 into a custom band
 * does not jump back to a preset; it follows a range set elsewhere to a usual band. Without a range
 * (none is in use) the band is 20–64.
 */
export function useAgeBand(range: AgeRange | null): [Band, (band: Band) => void] {
  const [band, setBand] = React.useState<Band>(() => (range ? bandOf(range) : "20-64"));
  const fran = range?.fran;
  const till = range?.till;
  React.useEffect(() => {
    if (fran === undefined || till === undefined) return;
    const now = bandOf({ fran, till });
    if (band !== "custom" && now !== band) setBand(now);
  }, [fran, till, band]);
  return [band, setBand];
}

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

/**
 * The band choice and, for the user's own band, its from and to ages side by side. A usual band sets
 * the range at once; `fieldClassName` sizes the two age fields.
 */
export function AgeBandFields(props: {
  testIds: { band: string; fran: string; till: string };
  band: Band;
  onBand: (band: Band) => void;
  range: AgeRange;
  onRange: (range: AgeRange) => void;
  disabled?: boolean;
  fieldClassName: string;
}) {
  const s = useStrings();
  const styles = useStyles();
  const { band, range, onRange, testIds } = props;
  return (
    <>
      <AgeBandField
        testId={testIds.band}
        value={band}
        disabled={props.disabled}
        onChange={(b) => {
          props.onBand(b);
          if (b !== "custom") onRange({ fran: PRESETS[b][0], till: PRESETS[b][1] });
        }}
      />
      {band === "custom" && (
        <div className={styles.row}>
          <IntegerField className={props.fieldClassName} testId={testIds.fran} label={s.aldersFran} value={range.fran} onChange={(n) => onRange({ ...range, fran: n })} />
          <IntegerField className={props.fieldClassName} testId={testIds.till} label={s.aldersTill} value={range.till} onChange={(n) => onRange({ ...range, till: n })} />
        </div>
      )}
    </>
  );
}
