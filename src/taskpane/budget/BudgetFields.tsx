import * as React from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { kommunByCode } from "../../domain/kommuner";
import { emptyCommitment, emptyFeeYear, type CommitmentRow, type FeeYearForm } from "./budgetForm";
import { useStrings } from "../services";
import { RemoveColumnHeader, RemoveRowButton } from "../tableParts";
import { DecimalField } from "../DecimalField";

const useStyles = makeStyles({
  fieldset: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  muted: { color: tokens.colorNeutralForeground2 },
  table: { tableLayout: "fixed", width: "100%" },
  colYear: { width: "52px" },
  colAmount: { width: "76px" },
  colRemove: { width: "28px" },
  input: { width: "100%", minWidth: 0 },
  add: { alignSelf: "flex-start" },
});

/** A labelled amount input in the budget's unit; `problem` is what the last run found wrong with it. */
export function AmountField(props: {
  label: string;
  testId: string;
  id?: string;
  value: string;
  onChange: (value: string) => void;
  unit: string;
  hint?: string;
  problem?: string;
  className?: string;
}) {
  // Checked as typed; a result or equity may be negative.
  return <DecimalField {...props} negative maxDecimals={2} />;
}

/**
 * The state's contribution and the member fees of each projected year: the fees from the year's
 * "Medlemsavgifter <år>" sheet (the job links to it when it exists), or typed for the region and each
 * kommun of the base year. `problemAt` gives the last run's problem at a place ("medlemsavgifter 2022, staten").
 */
export function FeeYears(props: {
  years: number[];
  value: Record<number, FeeYearForm>;
  onChange: (ar: number, fees: FeeYearForm) => void;
  kommuner: { kod: string; post: string }[];
  unit: string;
  problemAt: (plats: string) => string | undefined;
}) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <>
      {props.years.map((ar) => {
        const f = props.value[ar] ?? emptyFeeYear();
        const set = (patch: Partial<FeeYearForm>) => props.onChange(ar, { ...f, ...patch });
        const plats = `medlemsavgifter ${ar}`;
        return (
          <fieldset key={ar} className={styles.fieldset} data-testid={`budget-fees-${ar}`}>
            <legend className={styles.legend}>{s.budgetFeesYear(ar)}</legend>
            <AmountField
              label={s.budgetStat}
              testId={`budget-stat-${ar}`}
              value={f.stat}
              onChange={(stat) => set({ stat })}
              unit={props.unit}
              problem={props.problemAt(`${plats}, staten`)}
            />
            <Field label={s.budgetFeesSource} hint={f.mode === "blad" ? s.budgetFeesFromSheetHint(ar) : s.budgetFeesTypedHint}>
              <RadioGroup value={f.mode} onChange={(_, d) => set({ mode: d.value === "belopp" ? "belopp" : "blad" })}>
                <Radio value="blad" label={s.budgetFeesFromSheet(ar)} />
                <Radio value="belopp" label={s.budgetFeesTyped} />
              </RadioGroup>
            </Field>
            {f.mode === "belopp" && (
              <>
                <AmountField
                  label={s.budgetRegion}
                  testId={`budget-region-${ar}`}
                  value={f.region}
                  onChange={(region) => set({ region })}
                  unit={props.unit}
                  problem={props.problemAt(`${plats}, regionen`)}
                />
                {props.kommuner.length === 0 ? (
                  <Text className={styles.muted}>{s.budgetFeesNoKommuner}</Text>
                ) : (
                  props.kommuner.map((k) => (
                    <AmountField
                      key={k.kod}
                      label={s.budgetKommun(kommunByCode(k.kod)?.namn ?? k.post, k.kod)}
                      testId={`budget-kommun-${ar}-${k.kod}`}
                      value={f.kommuner[k.kod] ?? ""}
                      onChange={(v) => set({ kommuner: { ...f.kommuner, [k.kod]: v } })}
                      unit={props.unit}
                      problem={props.problemAt(`${plats}, kommun ${k.kod}`)}
                    />
                  ))
                )}
              </>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

/**
 * Co-financing commitments as rows of name, year and amount (a commitment over several years is several
 * rows with the same name). A row the last run found wrong is marked; the result lists why.
 */
export function Commitments(props: {
  value: CommitmentRow[];
  onChange: (rows: CommitmentRow[]) => void;
  unit: string;
  problemAt: (plats: string) => string | undefined;
  disabled?: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const { value, onChange } = props;
  // Stable keys, so that removing a row does not move what is typed into the next row's inputs.
  const ids = React.useRef<number[]>([]);
  const nextId = React.useRef(0);
  if (ids.current.length !== value.length) ids.current = value.map(() => nextId.current++);

  const set = (i: number, patch: Partial<CommitmentRow>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    ids.current = ids.current.filter((_, j) => j !== i);
    onChange(value.filter((_, j) => j !== i));
  };
  const add = () => {
    ids.current = [...ids.current, nextId.current++];
    onChange([...value, emptyCommitment()]);
  };
  /** Which input of row i the last run found wrong: the row itself, its year, or its amount. */
  const invalid = (r: CommitmentRow, i: number) => {
    const namn = r.namn.trim();
    const row = props.problemAt(`medfinansiering, rad ${i + 1}`) !== undefined;
    const year = row || props.problemAt(`medfinansiering "${namn}"`) !== undefined;
    const amount = row || props.problemAt(`medfinansiering "${namn}" ${r.ar.trim()}`) !== undefined;
    return { row, year, amount };
  };

  return (
    <>
      {value.length === 0 ? (
        <Text className={styles.muted}>{s.budgetCofinEmpty}</Text>
      ) : (
        <Table className={styles.table} size="small" aria-label={s.budgetCofinCaption} data-testid="budget-cofin">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.budgetCofinNamn}</TableHeaderCell>
              <TableHeaderCell className={styles.colYear}>{s.budgetCofinAr}</TableHeaderCell>
              <TableHeaderCell className={styles.colAmount}>{s.budgetCofinBelopp(props.unit)}</TableHeaderCell>
              <RemoveColumnHeader className={styles.colRemove} label={s.budgetCofinRemoveHead} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {value.map((r, i) => {
              const bad = invalid(r, i);
              return (
                <TableRow key={ids.current[i]}>
                  <TableCell>
                    <Input
                      className={styles.input}
                      size="small"
                      aria-label={s.budgetCofinCell(s.budgetCofinNamn, i + 1)}
                      aria-invalid={bad.row || undefined}
                      data-testid={`budget-cofin-namn-${i + 1}`}
                      value={r.namn}
                      disabled={props.disabled}
                      onChange={(_, d) => set(i, { namn: d.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <Input
                      className={styles.input}
                      size="small"
                      inputMode="numeric"
                      aria-label={s.budgetCofinCell(s.budgetCofinAr, i + 1)}
                      aria-invalid={bad.year || undefined}
                      data-testid={`budget-cofin-ar-${i + 1}`}
                      value={r.ar}
                      disabled={props.disabled}
                      onChange={(_, d) => set(i, { ar: d.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <Input
                      className={styles.input}
                      size="small"
                      inputMode="decimal"
                      aria-label={s.budgetCofinCell(s.budgetCofinBelopp(props.unit), i + 1)}
                      aria-invalid={bad.amount || undefined}
                      data-testid={`budget-cofin-belopp-${i + 1}`}
                      value={r.belopp}
                      disabled={props.disabled}
                      onChange={(_, d) => set(i, { belopp: d.value })}
                    />
                  </TableCell>
                  <TableCell>
                    <RemoveRowButton label={s.budgetCofinRemove(i + 1)} disabled={props.disabled} onClick={() => remove(i)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Button className={styles.add} size="small" data-testid="budget-cofin-add" disabled={props.disabled} onClick={add}>
        {s.budgetCofinAdd}
      </Button>
    </>
  );
}
