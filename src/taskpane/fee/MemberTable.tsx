import {
  Button,
  Input,
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
import type { FeeSplitSettings } from "../../usecases/fee/feeSplitJob";
import { isDecimalText, swedishNumber } from "../DecimalField";
import { useStrings } from "../services";
import { RemoveColumnHeader, RemoveRowButton } from "../tableParts";

type Member = FeeSplitSettings["kommuner"][number];

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  colRad: { width: "32px" },
  colValue: { width: "104px" },
  colRemove: { width: "40px" },
  input: { width: "100%", minWidth: 0 },
  empty: { color: tokens.colorNeutralForeground3, paddingBlock: tokens.spacingVerticalS },
  fill: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXS },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * One row per chosen kommun (row numbers match the "rad N" in problem messages) with its population or
 * share as typed, plus the fill-in from the built-in SCB figures.
 */
export function MemberTable(props: {
  members: Member[];
  mode: "befolkning" | "andel";
  onChangeValue: (index: number, varde: string) => void;
  onRemove: (index: number) => void;
  /** Rows (0-based) that a problem message points at. */
  invalidRows: ReadonlySet<number>;
  /** Shown only in population mode: null hides the button. `otherYear`: the reference year chosen is not the built-in one (the user may switch to it). */
  fill: { enabled: boolean; onFill: () => void; note?: string; otherYear?: { embedded: number; chosen: number; onUseEmbedded: () => void } } | null;
}) {
  const s = useStrings();
  const styles = useStyles();
  const valueHeader = props.mode === "befolkning" ? s.colBefolkning : s.colAndel;

  return (
    <div className={styles.fill}>
      {props.members.length === 0 ? (
        <Text className={styles.empty} data-testid="members-empty">
          {s.noMembers}
        </Text>
      ) : (
        <Table className={styles.table} size="small" aria-label={s.membersCaption} data-testid="members">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.colRad}>{s.colRad}</TableHeaderCell>
              <TableHeaderCell>{s.colKommun}</TableHeaderCell>
              <TableHeaderCell className={styles.colValue}>{valueHeader}</TableHeaderCell>
              <RemoveColumnHeader className={styles.colRemove} label={s.colActions} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.members.map((m, i) => {
              const invalid = props.invalidRows.has(i) || (m.varde.trim() !== "" && !isDecimalText(m.varde));
              return (
                <TableRow key={m.kod} data-testid={`member-${m.kod}`}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell>
                    <div className={styles.name} title={`${m.namn} (${m.kod})`}>
                      {m.namn}
                    </div>
                    <div className={styles.code}>{m.kod}</div>
                  </TableCell>
                  <TableCell>
                    <Input
                      className={styles.input}
                      size="small"
                      id={`sk-varde-${m.kod}`}
                      data-testid={`varde-${m.kod}`}
                      aria-label={props.mode === "befolkning" ? s.befolkningFor(m.namn) : s.andelFor(m.namn)}
                      aria-invalid={invalid || undefined}
                      inputMode="decimal"
                      value={m.varde}
                      onChange={(_, d) => props.onChangeValue(i, d.value)}
                      onBlur={() => {
                        if (isDecimalText(m.varde) && swedishNumber(m.varde) !== m.varde) props.onChangeValue(i, swedishNumber(m.varde));
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <RemoveRowButton label={s.remove(m.namn)} testId={`remove-${m.kod}`} onClick={() => props.onRemove(i)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {props.fill && (
        <>
          {props.fill.otherYear ? (
            <>
              <Text size={200} data-testid="embedded-other-year">
                {s.embeddedOtherYear(props.fill.otherYear.embedded, props.fill.otherYear.chosen)}
              </Text>
              <Button data-testid="use-embedded-year" onClick={props.fill.otherYear.onUseEmbedded}>
                {s.useEmbeddedYear(props.fill.otherYear.embedded)}
              </Button>
            </>
          ) : (
            <Button data-testid="fill-embedded" disabled={!props.fill.enabled} onClick={props.fill.onFill}>
              {s.fillEmbedded}
            </Button>
          )}
          {props.fill.note && (
            <Text size={200} role="status">
              {props.fill.note}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
