import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { FillFeePopulationOutcome } from "../../usecases/scb/befolkning";
import type { ScbOutcome } from "../../usecases/scb/kallor";
import { BulletList, Notice } from "../Notice";
import { useStrings } from "../services";

/** What an action of the SCB-data view ended with. */
export type ScbRunResult = { kind: "scb"; outcome: ScbOutcome } | { kind: "fill"; outcome: FillFeePopulationOutcome };

/** An action that wrote. */
export type ScbDone = { kind: "scb"; outcome: Extract<ScbOutcome, { ok: true }> } | { kind: "fill"; outcome: Extract<FillFeePopulationOutcome, { ok: true }> };

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  term: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  sub: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontWeight: tokens.fontWeightSemibold },
});

function Facts(props: { rows: ReadonlyArray<readonly [string, string]>; testId?: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts} data-testid={props.testId}>
      {props.rows.map(([term, value]) => (
        <React.Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

/** What a fetch, an import or the fee fill wrote: the sheets and the Källor row, or the populations filled in. */
export function ScbResult(props: { result: ScbDone }) {
  const s = useStrings();
  const styles = useStyles();
  const { result } = props;
  const fmt = (n: number) => n.toLocaleString("sv-SE");
  return (
    <div className={styles.stack}>
      {result?.kind === "scb" && result.outcome.ok && (
        <Notice intent="success" testId="result-success" title={s.scbSuccessTitle(result.outcome.rows)}>
          <Facts rows={[[s.sheetsWritten, result.outcome.sheets.join(", ")]]} />
          <p className={styles.sub}>{s.scbKallaTitle}</p>
          <Facts
            testId="result-kalla"
            rows={[
              [s.scbKallaTid, result.outcome.kalla.tid],
              [s.scbKallaTyp, result.outcome.kalla.typ],
              [s.scbKallaTabell, result.outcome.kalla.tabell],
              ...(result.outcome.kalla.titel ? [[s.scbKallaTitel, result.outcome.kalla.titel] as const] : []),
              [s.scbKallaRader, result.outcome.kalla.rader === null ? "" : fmt(result.outcome.kalla.rader)],
            ]}
          />
        </Notice>
      )}
      {result?.kind === "fill" && result.outcome.ok && (
        <Notice intent="success" testId="result-success" title={s.scbFillTitle(result.outcome.sheetName)}>
          <BulletList items={result.outcome.befolkning.map((b) => `${b.namn}: ${b.fore || "–"} → ${fmt(b.efter)}`)} flush />
          {result.outcome.ersattaHandskrivna.length > 0 && <div>{s.scbReplacedTyped(result.outcome.ersattaHandskrivna.join(", "))}</div>}
        </Notice>
      )}
      {result && result.outcome.ok && result.outcome.varningar.length > 0 && (
        <Notice intent="warning" testId="result-warnings" title={s.warningsTitle}>
          <BulletList items={result.outcome.varningar} flush />
        </Notice>
      )}
    </div>
  );
}
