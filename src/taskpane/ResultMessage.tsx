import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { FeeSplitJobOutcome } from "../usecases/fee/feeSplitJob";
import { BulletList, Notice, ResultStack, RunFailure } from "./Notice";
import { useStrings } from "./services";

const useStyles = makeStyles({
  amounts: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  amountLabel: { margin: 0 },
  amountValue: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

/** What happened when the job ran: success with the amounts, warnings, located problems or an error. */
export function ResultMessage(props: { outcome: FeeSplitJobOutcome | null; error: string | null }) {
  const s = useStrings();
  const styles = useStyles();
  const { outcome, error } = props;
  return (
    <ResultStack>
      <RunFailure
        error={error}
        errorTitle={s.errorTitle}
        problems={outcome && !outcome.ok ? outcome.problems : null}
        problemsTitle={s.problemsTitle}
        flush
      />
      {outcome && outcome.ok && (
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
      )}
      {outcome && outcome.ok && outcome.varningar.length > 0 && (
        <Notice intent="warning" testId="result-warnings" title={s.warningsTitle}>
          <BulletList items={outcome.varningar} flush />
        </Notice>
      )}
    </ResultStack>
  );
}

function unitLabel(enhet: string, kr: string, tkr: string): string {
  return enhet === "tkr" ? tkr : enhet === "kr" ? kr : enhet;
}
