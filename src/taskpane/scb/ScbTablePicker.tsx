import * as React from "react";
import { Button, Dropdown, Field, Input, Option, Radio, RadioGroup, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableInfo, TableMetadata } from "../../sources/scb/api";
import { findTables, periodRange, scbClientFor, selectionCells, tableMetadata } from "../../usecases/scb/fetchAdapters";
import { BulletList, Notice } from "../Notice";
import { useStrings } from "../services";
import { failureOfError } from "../run/failures";
import type { FailureKind } from "../run/runState";
import { FailureNotice } from "../run/StatusArea";

/** Why a search or a table's metadata could not be had: SCB's located answer, or what failed (never raw text). */
function searchError(e: unknown): { problems: string[] } | { failure: FailureKind } {
  const failure = failureOfError(e);
  const problems = (e as { problems?: { plats?: string; meddelande: string }[] }).problems;
  if (failure === null && problems) return { problems: problems.map((p) => p.meddelande) };
  return { failure: failure ?? "unexpected" };
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  searchRow: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalM },
  // Two fields side by side in a narrow pane: the inputs shrink with their half (their own size would overflow).
  half: { flexGrow: 1, flexBasis: 0, minWidth: 0, "& .fui-Input, & .fui-Select, & input, & select": { minWidth: 0, width: "100%" } },
  muted: { color: tokens.colorNeutralForeground2 },
  variable: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  dropdown: { minWidth: 0, width: "100%" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A variable's values as the options of a Select. */
function ValueOptions(props: { values: TableMetadata["variables"][number]["values"] }) {
  return (
    <>
      {props.values.map((x) => (
        <option key={x.code} value={x.code}>
          {x.label}
        </option>
      ))}
    </>
  );
}

/**
 * "Annan tabell": search SCB's tables by text or id, choose one, and get its variables (from the table's
 * metadata) with a value picker each: a from–to range for the time variable, several values for the
 * others. The regions come from the view's kommun section.
 */
export function ScbTablePicker(props: {
  baseUrl: string;
  tableId: string;
  meta: TableMetadata | null;
  chosen: Readonly<Record<string, string[]>>;
  /** A table was chosen and its metadata read. */
  onTable: (id: string, meta: TableMetadata) => void;
  onChosen: (chosen: Record<string, string[]>) => void;
  /** The region codes the kommun section gives (for the cell count). */
  regions: readonly string[];
  disabled: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [query, setQuery] = React.useState(props.tableId);
  const [hits, setHits] = React.useState<TableInfo[] | null>(null);
  const [searched, setSearched] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ReturnType<typeof searchError> | null>(null);
  /** The table clicked in the list, shown as chosen while its variables are read. */
  const [picked, setPicked] = React.useState<string | null>(null);
  const { baseUrl, tableId, meta, onTable } = props;

  const load = React.useCallback(
    async (id: string) => {
      setBusy(true);
      setError(null);
      try {
        onTable(id, await tableMetadata(scbClientFor(baseUrl), id));
      } catch (e) {
        setError(searchError(e));
      } finally {
        setBusy(false);
      }
    },
    [baseUrl, onTable],
  );

  // A table chosen earlier (stored in the workbook): read its variables again.
  const loadedOnce = React.useRef(false);
  React.useEffect(() => {
    if (!loadedOnce.current && tableId && !meta) {
      loadedOnce.current = true;
      void load(tableId);
    }
  }, [tableId, meta, load]);

  const search = async () => {
    const q = query.trim();
    if (q === "") return;
    setBusy(true);
    setError(null);
    try {
      setHits(await findTables(scbClientFor(baseUrl), q));
      setSearched(q);
    } catch (e) {
      setError(searchError(e));
    } finally {
      setBusy(false);
    }
  };

  const set = (code: string, codes: string[]) => props.onChosen({ ...props.chosen, [code]: codes });
  const withRegions = { ...props.chosen, ...(meta?.variables.some((v) => /^region$/i.test(v.code)) ? { [meta.variables.find((v) => /^region$/i.test(v.code))!.code]: [...props.regions] } : {}) };
  const cells = meta ? selectionCells(Object.fromEntries(Object.entries(withRegions).filter(([, v]) => v.length > 0)), meta) : 0;

  return (
    <div className={styles.stack}>
      <form
        className={styles.searchRow}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Field className={styles.grow} label={s.scbSearchTable} hint={s.scbSearchTableHint}>
          <Input data-testid="scb-table-search" value={query} onChange={(_, d) => setQuery(d.value)} disabled={props.disabled} />
        </Field>
        <Button type="submit" data-testid="scb-table-search-button" disabled={props.disabled || busy || query.trim() === ""}>
          {s.scbSearch}
        </Button>
      </form>
      {busy && <Spinner size="tiny" label={s.loading} />}
      {error && "failure" in error && <FailureNotice failure={error.failure} />}
      {error && "problems" in error && (
        <Notice intent="error" testId="scb-table-error">
          <BulletList items={error.problems} flush />
        </Notice>
      )}
      {hits && hits.length === 0 && <Text data-testid="scb-no-tables">{s.scbNoTables(searched)}</Text>}
      {hits && hits.length > 0 && (
        <Field label={s.scbTables}>
          <RadioGroup
            data-testid="scb-tables"
            value={picked ?? tableId}
            onChange={(_, d) => {
              setPicked(d.value);
              void load(d.value);
            }}
          >
            {hits.map((t) => {
              const period = t.firstPeriod && t.lastPeriod ? `${t.firstPeriod}–${t.lastPeriod}` : "";
              const label = s.scbTableChoice(t.id, t.label ?? "", period) + (t.discontinued ? ` – ${s.scbDiscontinued}` : "");
              return <Radio key={t.id} value={t.id} label={label} disabled={props.disabled || busy} />;
            })}
          </RadioGroup>
        </Field>
      )}
      {meta && (
        <div className={styles.stack} data-testid="scb-variables">
          <h4 className={styles.heading}>
            {s.scbSelection}: {meta.id} {meta.label}
          </h4>
          {meta.variables.map((v) => {
            const hint = v.elimination ? s.scbMayLeaveOut : s.scbMustChoose;
            const codes = props.chosen[v.code] ?? [];
            if (/^region$/i.test(v.code)) {
              return (
                <div key={v.code} className={styles.variable}>
                  <Text weight="semibold">{v.label}</Text>
                  <Text className={styles.muted}>{s.scbRegionFromKommuner}</Text>
                </div>
              );
            }
            if (v.time) {
              const fran = codes[0] ?? "";
              const till = codes[codes.length - 1] ?? "";
              const pick = (a: string, b: string) => set(v.code, periodRange(v.values, a, b));
              return (
                <div key={v.code} className={styles.row}>
                  <Field className={styles.half} label={s.scbPeriodFran(v.label)}>
                    <Select data-testid={`scb-var-${v.code}-fran`} value={fran} disabled={props.disabled} onChange={(_, d) => pick(d.value, till || d.value)}>
                      <ValueOptions values={v.values} />
                    </Select>
                  </Field>
                  <Field className={styles.half} label={s.scbPeriodTill(v.label)}>
                    <Select data-testid={`scb-var-${v.code}-till`} value={till} disabled={props.disabled} onChange={(_, d) => pick(fran || d.value, d.value)}>
                      <ValueOptions values={v.values} />
                    </Select>
                  </Field>
                </div>
              );
            }
            const labels = v.values.filter((x) => codes.includes(x.code)).map((x) => x.label);
            return (
              <Field key={v.code} label={v.label} hint={hint}>
                <Dropdown
                  className={styles.dropdown}
                  data-testid={`scb-var-${v.code}`}
                  multiselect
                  disabled={props.disabled}
                  selectedOptions={codes}
                  value={labels.length <= 3 ? labels.join(", ") : s.scbNValues(labels.length)}
                  onOptionSelect={(_, d) => set(v.code, v.values.map((x) => x.code).filter((c) => d.selectedOptions.includes(c)))}
                >
                  {v.values.map((x) => (
                    <Option key={x.code} value={x.code}>
                      {x.label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
          <Text className={styles.muted} data-testid="scb-cells">
            {s.scbCells(cells.toLocaleString("sv-SE"))}
          </Text>
        </div>
      )}
    </div>
  );
}
