import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { formatProblem } from "../domain/errors";
import type { FeeSplitJobOutcome } from "../usecases/feeSplitJob";
import { useStrings } from "./services";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  amounts: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  amountLabel: { margin: 0 },
  amountValue: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
  body: { whiteSpace: "normal" },
});

/** What happened when the job ran: success with the amounts, warnings, located problems or an error. */
export function ResultMessage(props: { outcome: FeeSplitJobOutcome | null; error: string | null }) {
  const s = useStrings();
  const styles = useStyles();
  const { outcome, error } = props;
  return (
    <div className={styles.stack} aria-live="polite">
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="result-error">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && !outcome.ok && (
        <MessageBar intent="error" layout="multiline" data-testid="result-problems">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.problemsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.problems.map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.ok && (
        <MessageBar intent="success" layout="multiline" data-testid="result-success">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.successTitle(outcome.sheetName)}</MessageBarTitle>
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
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.ok && outcome.varningar.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="result-warnings">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{s.warningsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.varningar.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function unitLabel(enhet: string, kr: string, tkr: string): string {
  return enhet === "tkr" ? tkr : enhet === "kr" ? kr : enhet;
}
