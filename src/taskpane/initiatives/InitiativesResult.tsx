import { makeStyles, tokens } from "@fluentui/react-components";
import type { AntalPerNulage, Initiativforandring } from "../../domain/initiatives/overview";
import type { InitiativesOutcome } from "../../usecases/initiatives/initiativesJob";
import type { Strings } from "../i18n";
import { Notice, ResultStack, RunFailure, RunNote, SheetList } from "../Notice";
import { useStrings } from "../services";

type Success = Extract<InitiativesOutcome, { ok: true }>;

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  part: { marginTop: tokens.spacingVerticalS },
  partTitle: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", marginTop: tokens.spacingVerticalXS, width: "100%" },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0`,
  },
  thNum: { textAlign: "end", paddingInlineEnd: 0 },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0`, verticalAlign: "top" },
  rowHead: { textAlign: "start", fontWeight: tokens.fontWeightRegular },
  totalHead: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingInlineEnd: 0 },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

/** "nuläge pågående → genomförd; ny statustext" for one initiative, or null if nothing changed. */
export function describeChange(f: Initiativforandring, s: Strings): string | null {
  const name = f.initiativ ? `${s.initNr(f.nr)} ${f.initiativ}` : s.initNr(f.nr);
  if (f.nytt) return `${name}: ${s.initChangeNew}`;
  if (f.borttaget) return `${name}: ${s.initChangeGone}`;
  const parts: string[] = [];
  if (f.nulage) parts.push(s.initChangeNulage(f.nulage.fran, f.nulage.till));
  if (f.paverkan) parts.push(s.initChangePaverkan(String(f.paverkan.fran), String(f.paverkan.till)));
  if (f.statustextAndrad) parts.push(s.initChangeStatustext);
  return parts.length > 0 ? `${name}: ${parts.join("; ")}` : null;
}

function CountTable(props: { testId: string; caption: string; head: string; rows: { label: string; antal: number }[]; total?: number }) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid={props.testId}>
      <caption className={styles.caption}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {props.head}
          </th>
          <th scope="col" className={`${styles.th} ${styles.thNum}`}>
            {s.initColAntal}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={i}>
            <th scope="row" className={`${styles.td} ${styles.rowHead}`}>
              {r.label}
            </th>
            <td className={`${styles.td} ${styles.num}`}>{r.antal}</td>
          </tr>
        ))}
        {props.total !== undefined && (
          <tr className={styles.total}>
            <th scope="row" className={`${styles.td} ${styles.totalHead}`}>
              {s.total}
            </th>
            <td className={`${styles.td} ${styles.num}`}>{props.total}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

const nulageRows = (list: AntalPerNulage[]) => list.map((n) => ({ label: n.nulage, antal: n.antal }));

function SuccessBody(props: { outcome: Success }) {
  const s = useStrings();
  const styles = useStyles();
  const { outcome } = props;
  const changes = outcome.forandringar.map((f) => describeChange(f, s)).filter((c): c is string => c !== null);
  return (
    <>
      <SheetList id="sk-init-written" title={s.sheetsWritten} names={outcome.sheets} listTestId="result-sheets" />
      {outcome.keptCopies.length > 0 && <SheetList id="sk-init-kept" title={s.keptCopies} names={outcome.keptCopies} testId="result-kept" />}
      <div className={styles.part}>
        <div>{s.initAntal(outcome.oversikt.antal)}</div>
        <CountTable
          testId="result-omraden"
          caption={s.initPerOmrade}
          head={s.initColOmrade}
          rows={outcome.oversikt.omraden.map((o) => ({ label: o.omrade, antal: o.initiativ.length }))}
        />
        <CountTable
          testId="result-nulagen"
          caption={s.initPerNulage}
          head={s.initColNulage}
          rows={nulageRows(outcome.oversikt.perNulage)}
          total={outcome.oversikt.antal}
        />
      </div>
      <div className={styles.part} data-testid="result-changes">
        {!outcome.jamfortMed ? (
          <div>{s.initFirstReport}</div>
        ) : changes.length === 0 ? (
          <div>{s.initNoChanges(outcome.jamfortMed)}</div>
        ) : (
          <>
            <div className={styles.partTitle} id="sk-init-changes">
              {s.initChangesTitle(outcome.jamfortMed)}
            </div>
            <ul className={styles.list} aria-labelledby="sk-init-changes">
              {changes.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}

/** What "Skriv statusblad" did: the sheets, the overview's counts, kept copies and changes; or the problems. */
export function InitiativesResult(props: { outcome: InitiativesOutcome | null; error: string | null; note: string | null }) {
  const s = useStrings();
  const { outcome, error, note } = props;
  return (
    <ResultStack>
      <RunNote note={note} />
      <RunFailure
        error={error}
        errorTitle={s.runErrorTitle}
        problems={outcome && !outcome.ok ? outcome.problems : null}
        problemsTitle={s.problemsTitle}
      />
      {outcome && outcome.ok && (
        <Notice intent="success" testId="result-success" title={s.initSuccessTitle(outcome.sheets.length)}>
          <SuccessBody outcome={outcome} />
        </Notice>
      )}
    </ResultStack>
  );
}
