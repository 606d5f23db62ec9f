import * as React from "react";
import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { FeeSplitSettings } from "../usecases/fee/feeSplitJob";
import { AgeBandFields, useAgeBand } from "./AgeBand";
import { IntegerField } from "./IntegerField";
import { useStrings } from "./services";

type Nyckel = FeeSplitSettings["nyckel"];

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  grow: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
});

/** The key the kommuner share their 25 % by: working-age population (band and year) or fixed shares. */
export function KeyChooser(props: { value: Nyckel; onChange: (n: Nyckel) => void; referensArId?: string; referensArProblem?: string }) {
  const s = useStrings();
  const styles = useStyles();
  const { value, onChange } = props;
  const [band, setBand] = useAgeBand(value.kind === "befolkning" ? { fran: value.aldersFran, till: value.aldersTill } : null);
  // The last population key, so switching to shares and back keeps the band and year.
  const lastPop = React.useRef(value.kind === "befolkning" ? value : { kind: "befolkning" as const, aldersFran: 20, aldersTill: 64, referensAr: new Date().getFullYear() - 1 });
  if (value.kind === "befolkning") lastPop.current = value;

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
          <AgeBandFields
            testIds={{ band: "aldersband", fran: "alders-fran", till: "alders-till" }}
            band={band}
            onBand={setBand}
            range={{ fran: value.aldersFran, till: value.aldersTill }}
            onRange={(r) => onChange({ ...value, aldersFran: r.fran, aldersTill: r.till })}
            fieldClassName={styles.grow}
          />
          <IntegerField
            testId="referensar"
            id={props.referensArId}
            problem={props.referensArProblem}
            label={s.referensAr}
            value={value.referensAr}
            onChange={(n) => onChange({ ...value, referensAr: n })}
          />
        </>
      )}
    </div>
  );
}
