import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", marginTop: tokens.spacingVerticalXS, width: "100%" },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0`,
  },
  thNum: { textAlign: "end", paddingInlineEnd: 0 },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0` },
  rowHead: { textAlign: "start", fontWeight: tokens.fontWeightRegular },
  totalHead: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingInlineEnd: 0 },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

/** One row of a result table: its label and its figures; `total`, the summing row under a line. */
export interface ResultTableRow {
  key: React.Key;
  head: React.ReactNode;
  values: React.ReactNode[];
  total?: boolean;
}

/**
 * A small captioned table in a result message: a label column, then figure columns (right-aligned).
 * `classes` adds a view's own touches to the header cells, the cells and the figures.
 */
export function ResultTable(props: {
  testId: string;
  caption: string;
  heads: readonly [string, ...string[]];
  rows: readonly ResultTableRow[];
  classes?: { th?: string; td?: string; num?: string };
}) {
  const styles = useStyles();
  const extra = props.classes ?? {};
  const [first, ...figures] = props.heads;
  const td = mergeClasses(styles.td, extra.td);
  return (
    <table className={styles.table} data-testid={props.testId}>
      <caption className={styles.caption}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.th, extra.th)}>
            {first}
          </th>
          {figures.map((h, i) => (
            <th key={i} scope="col" className={mergeClasses(styles.th, styles.thNum, extra.th)}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} className={r.total ? styles.total : undefined}>
            <th scope="row" className={mergeClasses(td, r.total ? styles.totalHead : styles.rowHead)}>
              {r.head}
            </th>
            {r.values.map((v, i) => (
              <td key={i} className={mergeClasses(td, styles.num, extra.num)}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
