import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { FeeSplitJobOutcome } from "../../usecases/fee/feeSplitJob";
import { BulletList, Notice } from "../Notice";
import { useStrings } from "../services";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  amounts: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  amountLabel: { margin: 0 },
  amountValue: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

/** A written fee split: the sheet, the amounts of the legal split, values kept from the sheet and warnings. */
export function FeeSplitDone(props: { outcome: FeeSplitJobOutcome & { ok: true } }) {
  const s = useStrings();
  const styles = useStyles();
  const { outcome } = props;
  return (
    <div className={styles.stack}>
      <Notice intent="success" testId="result-success" title={s.successTitle(outcome.sheetName)}>
        <dl className={styles.amounts}>
          {(
            [
              [s.total, outcome.summary.total],
              [s.stat, outcome.summary.stat],
              [s.regionPart, outcome.summary.region],
              [s.kommunerPart, outcome.summary.kommuner],
            ] as const
          ).map(([label, value]) => (
            <React.Fragment key={label}>
              <dt className={styles.amountLabel}>{label}</dt>
              <dd className={styles.amountValue}>
                {value} {unitLabel(outcome.summary.enhet, s.enhetKr, s.enhetTkr)}
              </dd>
            </React.Fragment>
          ))}
        </dl>
        {outcome.keptUserValues > 0 && <div>{s.kept(outcome.keptUserValues)}</div>}
      </Notice>
      {outcome.varningar.length > 0 && (
        <Notice intent="warning" testId="result-warnings" title={s.warningsTitle}>
          <BulletList items={outcome.varningar} flush />
        </Notice>
      )}
    </div>
  );
}

function unitLabel(enhet: string, kr: string, tkr: string): string {
  return enhet === "tkr" ? tkr : enhet === "kr" ? kr : enhet;
}
