import { makeStyles, tokens } from "@fluentui/react-components";
import type { AntalPerNulage, Initiativforandring } from "../../domain/initiatives/overview";
import type { InitiativesOutcome } from "../../usecases/initiatives/initiativesJob";
import type { Strings } from "../i18n";
import { Notice, SheetList } from "../Notice";
import { ResultTable, type ResultTableRow } from "../ResultTable";
import { useStrings } from "../services";

type Success = Extract<InitiativesOutcome, { ok: true }>;

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  part: { marginTop: tokens.spacingVerticalS },
  partTitle: { fontWeight: tokens.fontWeightSemibold },
  cellTop: { verticalAlign: "top" },
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
  const rows: ResultTableRow[] = props.rows.map((r, i) => ({ key: i, head: r.label, values: [r.antal] }));
  if (props.total !== undefined) rows.push({ key: "total", head: s.total, values: [props.total], total: true });
  return <ResultTable testId={props.testId} caption={props.caption} heads={[props.head, s.initColAntal]} rows={rows} classes={{ td: styles.cellTop }} />;
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

/** What "Skriv statusblad" did: the sheets, the overview's counts, kept copies and changes. */
export function InitiativesResult(props: { outcome: Success }) {
  const s = useStrings();
  return (
    <Notice intent="success" testId="result-success" title={s.initSuccessTitle(props.outcome.sheets.length)}>
      <SuccessBody outcome={props.outcome} />
    </Notice>
  );
}
