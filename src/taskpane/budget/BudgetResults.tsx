import { makeStyles, tokens } from "@fluentui/react-components";
import { formatAmount, type Amount } from "../../domain/amount";
import type { Decimal, Enhet } from "../../domain/budget/types";
import type { BudgetFollowUpOutcome, BudgetImportOutcome, BudgetProjectionOutcome } from "../../usecases/budget/budgetJob";
import type { Strings } from "../i18n";
import { BulletList, Notice, SheetList } from "../Notice";
import { ResultTable } from "../ResultTable";
import { useStrings } from "../services";

const useStyles = makeStyles({
  part: { marginTop: tokens.spacingVerticalS },
  partTitle: { fontWeight: tokens.fontWeightSemibold },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  checks: { margin: `${tokens.spacingVerticalXS} 0 0 0`, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  checkTitle: { fontWeight: tokens.fontWeightSemibold },
  amounts: { display: "grid", gridTemplateColumns: "auto auto", columnGap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalXXS} 0 0 0` },
  dt: { margin: 0 },
  dd: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
  headBottom: { verticalAlign: "bottom" },
  noWrap: { whiteSpace: "nowrap" },
});

/** "2 845 tkr", with the unit as the pane's language writes it. */
export function amountText(a: Amount, enhet: Enhet, s: Strings): string {
  return `${formatAmount(a)}\u00a0${enhet === "tkr" ? s.enhetTkr : s.enhetKr}`;
}

function percentText(p: Decimal | null): string {
  return p === null ? "–" : `${formatAmount({ minor: p.digits, decimals: p.decimals })}\u00a0%`;
}

/** A budget job's warnings. */
function BudgetWarnings(props: { items: readonly string[] }) {
  const s = useStrings();
  return (
    <Notice intent="warning" testId="result-warnings" title={s.warningsTitle}>
      <BulletList items={props.items} flush />
    </Notice>
  );
}

/** What "Importera markerad budget" did: the sheets, the checks that failed (line, year, cell, amounts), warnings; or the problems. */
export function BudgetImportResult(props: { outcome: BudgetImportOutcome & { ok: true } }) {
  const s = useStrings();
  const styles = useStyles();
  const ok = props.outcome;
  const years = ok ? (ok.budget.ar.length > 1 ? `${ok.budget.ar[0]}–${ok.budget.ar[ok.budget.ar.length - 1]}` : String(ok.budget.ar[0])) : "";
  const posts = ok ? new Set(ok.budget.rader.map((r) => r.post)).size : 0;
  return (
    <div className={styles.stack}>
      {ok && (
        <Notice intent="success" testId="result-success" title={s.budgetImported}>
          <div>{s.budgetImportSummary(posts, years, ok.budget.enhet === "tkr" ? s.enhetTkr : s.enhetKr)}</div>
          <SheetList id="sk-budget-import-written" title={s.sheetsWritten} names={ok.sheets} />
          {ok.keptCopies.length > 0 && <SheetList id="sk-budget-import-kept" title={s.keptCopies} names={ok.keptCopies} testId="result-kept" />}
        </Notice>
      )}
      {ok && (
        <Notice
          intent={ok.avvikelser.length > 0 ? "warning" : "success"}
          testId="result-deviations"
          title={s.budgetDeviations(ok.avvikelser.length)}
        >
          <div>{s.budgetChecksSummary(ok.budget.kontroller.length - ok.avvikelser.length, ok.budget.kontroller.length)}</div>
          {ok.avvikelser.length > 0 && (
            <ul className={styles.checks} aria-label={s.budgetDeviationsCaption}>
              {ok.avvikelser.map((k, i) => (
                <li key={i} data-testid="deviation">
                  <div className={styles.checkTitle}>{s.budgetDeviationLine(k.rad, k.ar)}</div>
                  <dl className={styles.amounts}>
                    <dt className={styles.dt}>{s.budgetCell}</dt>
                    <dd className={styles.dd}>{k.cell}</dd>
                    <dt className={styles.dt}>{s.budgetExpected}</dt>
                    <dd className={styles.dd}>{amountText(k.forvantat, ok.budget.enhet, s)}</dd>
                    <dt className={styles.dt}>{s.budgetFound}</dt>
                    <dd className={styles.dd}>{amountText(k.funnet, ok.budget.enhet, s)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {ok && ok.varningar.length > 0 && (
        <BudgetWarnings items={ok.varningar} />
      )}
    </div>
  );
}

/**
 * What "Skriv projektionen" did: the sheet, result and equity per year, the years linked to fee sheets,
 * the board's checks (equity below zero, the staircase, 50/25/25, the fee sheets) and warnings.
 * `fromSheet`: the years the user wanted taken from their fee sheet.
 */
export function BudgetProjectionResult(props: { outcome: BudgetProjectionOutcome & { ok: true }; fromSheet: number[] }) {
  const s = useStrings();
  const styles = useStyles();
  const ok = props.outcome;
  const notLinked = ok ? props.fromSheet.filter((y) => !ok.lankadeAr.includes(y) && ok.projektion.ar.some((p) => p.ar === y)) : [];
  const warnings = ok ? [...ok.varningar, ...(notLinked.length > 0 ? [s.budgetNotLinked(notLinked.join(", "))] : [])] : [];
  return (
    <div className={styles.stack}>
      {ok && (
        <Notice intent="success" testId="result-success" title={s.budgetSheetReady(ok.sheetName)}>
          <ResultTable
            testId="result-years"
            caption={s.budgetYearsCaption}
            heads={[s.budgetColAr, s.budgetColResultat, s.budgetColEk]}
            rows={ok.projektion.ar.map((y) => ({ key: y.ar, head: y.ar, values: [amountText(y.resultat, ok.projektion.enhet, s), amountText(y.ekSlut, ok.projektion.enhet, s)] }))}
            classes={{ th: styles.headBottom, num: styles.noWrap }}
          />
          {ok.lankadeAr.length > 0 && <div className={styles.part}>{s.budgetLinked([...ok.lankadeAr].sort((a, b) => a - b).join(", "))}</div>}
          {ok.keptCopies.length > 0 && <SheetList id="sk-budget-proj-kept" title={s.keptCopies} names={ok.keptCopies} testId="result-kept" />}
        </Notice>
      )}
      {ok && (
        <Notice intent={ok.kontroller.length > 0 ? "warning" : "success"} testId="result-checks" title={s.budgetFindings(ok.kontroller.length)}>
          <div>{s.budgetFindingsIntro}</div>
          {ok.kontroller.length > 0 && <BulletList items={ok.kontroller.map((k) => k.meddelande)} />}
        </Notice>
      )}
      {warnings.length > 0 && (
        <BudgetWarnings items={warnings} />
      )}
    </div>
  );
}

/** What "Skriv uppföljningen" did: the sheet and the result against budget (the deviation in kr and %). */
export function BudgetFollowUpResult(props: { outcome: BudgetFollowUpOutcome & { ok: true } }) {
  const s = useStrings();
  const styles = useStyles();
  const ok = props.outcome;
  const r = ok?.uppfoljning.resultat;
  const verdict = r ? (r.avvikelse.minor > 0n ? "better" : r.avvikelse.minor < 0n ? "worse" : "equal") : "equal";
  return (
    <div className={styles.stack}>
      {ok && r && (
        <Notice intent="success" testId="result-success" title={s.budgetSheetReady(ok.sheetName)}>
          <div className={styles.partTitle} data-testid="result-verdict">
            {s.budgetVerdict(verdict, ok.uppfoljning.period)}
          </div>
          <dl className={styles.amounts} data-testid="result-deviation">
            <dt className={styles.dt}>{s.budgetResultBudget}</dt>
            <dd className={styles.dd}>{amountText(r.budget, ok.uppfoljning.enhet, s)}</dd>
            <dt className={styles.dt}>{s.budgetResultUtfall}</dt>
            <dd className={styles.dd}>{amountText(r.utfall, ok.uppfoljning.enhet, s)}</dd>
            <dt className={styles.dt}>{s.budgetAvvikelse}</dt>
            <dd className={styles.dd}>{amountText(r.avvikelse, ok.uppfoljning.enhet, s)}</dd>
            <dt className={styles.dt}>{s.budgetAvvikelseProcent}</dt>
            <dd className={styles.dd}>{percentText(r.avvikelseProcent)}</dd>
          </dl>
          {ok.keptCopies.length > 0 && <SheetList id="sk-budget-fu-kept" title={s.keptCopies} names={ok.keptCopies} testId="result-kept" />}
        </Notice>
      )}
      {ok && ok.uppfoljning.varningar.length > 0 && (
        <BudgetWarnings items={ok.uppfoljning.varningar} />
      )}
    </div>
  );
}
