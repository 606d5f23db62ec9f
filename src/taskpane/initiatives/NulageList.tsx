import * as React from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { STANDARD_NULAGEN, matchKey } from "../../domain/initiatives/model";
import { useStrings } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, listStyleType: "none", margin: 0, padding: 0 },
  item: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  number: {
    minWidth: "20px",
    paddingTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: "tabular-nums",
    textAlign: "end",
  },
  field: { flexGrow: 1, minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  add: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  addField: { flexGrow: 1, minWidth: 0 },
  empty: { color: tokens.colorNeutralForeground3 },
  reset: { alignSelf: "flex-start" },
});

/**
 * Problems with the list as typed, by entry (0-based): empty entries and entries that mean the same
 * status as an earlier one (compared as the use case compares them: case and diacritics ignored).
 */
export function nulageListProblems(list: readonly string[], s: ReturnType<typeof useStrings>): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  list.forEach((n, i) => {
    if (n.trim() === "") {
      problems.set(i, s.initNulageEmpty);
      return;
    }
    const key = matchKey(n);
    if (seen.has(key)) problems.set(i, s.initNulageDuplicate(n.trim()));
    seen.add(key);
  });
  return problems;
}

const isStandard = (list: readonly string[]) =>
  list.length === STANDARD_NULAGEN.length && list.every((n, i) => n.trim() === STANDARD_NULAGEN[i]);

/** The förbund's editable status list: rename in place, move, remove, add, restore the standard list. */
export function NulageList(props: {
  value: readonly string[];
  onChange: (list: string[]) => void;
  /** Messages per entry (0-based): the list's own checks and problems reported by the job. */
  problems: ReadonlyMap<number, string>;
  disabled?: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [draft, setDraft] = React.useState("");
  const { value, onChange } = props;

  // Stable keys, so that a moved entry keeps its DOM nodes (and the focus of the button just pressed).
  const ids = React.useRef<number[]>([]);
  const nextId = React.useRef(0);
  if (ids.current.length !== value.length) ids.current = value.map(() => nextId.current++);

  const set = (i: number, text: string) => onChange(value.map((n, j) => (j === i ? text : n)));
  const remove = (i: number) => {
    ids.current = ids.current.filter((_, j) => j !== i);
    onChange(value.filter((_, j) => j !== i));
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    const nextIds = [...ids.current];
    [nextIds[i], nextIds[i + by]] = [nextIds[i + by], nextIds[i]];
    ids.current = nextIds;
    onChange(next);
  };
  const add = () => {
    if (draft.trim() === "") return;
    ids.current = [...ids.current, nextId.current++];
    onChange([...value, draft.trim()]);
    setDraft("");
  };

  return (
    <div className={styles.root}>
      {value.length === 0 ? (
        <Text className={styles.empty} role="status">
          {s.initNulagenEmptyList}
        </Text>
      ) : (
        <ol className={styles.list} aria-label={s.initNulagenCaption} data-testid="nulagen">
          {value.map((n, i) => {
            const problem = props.problems.get(i);
            const name = n.trim();
            return (
              <li key={ids.current[i]} className={styles.item}>
                <span className={styles.number} aria-hidden="true">
                  {i + 1}.
                </span>
                <Field className={styles.field} validationState={problem ? "error" : "none"} validationMessage={problem}>
                  <Input
                    className={styles.input}
                    size="small"
                    aria-label={s.initNulageLabel(i + 1)}
                    data-testid={`nulage-${i}`}
                    value={n}
                    disabled={props.disabled}
                    onChange={(_, d) => set(i, d.value)}
                  />
                </Field>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<span aria-hidden="true">↑</span>}
                  aria-label={s.initNulageMoveUp(name)}
                  title={s.initNulageMoveUp(name)}
                  disabled={props.disabled || i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<span aria-hidden="true">↓</span>}
                  aria-label={s.initNulageMoveDown(name)}
                  title={s.initNulageMoveDown(name)}
                  disabled={props.disabled || i === value.length - 1}
                  onClick={() => move(i, 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<span aria-hidden="true">✕</span>}
                  aria-label={s.initNulageRemove(name)}
                  title={s.initNulageRemove(name)}
                  data-testid={`nulage-remove-${i}`}
                  disabled={props.disabled}
                  onClick={() => remove(i)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <div className={styles.add}>
        <Field className={styles.addField} label={s.initNulageNew} size="small">
          <Input
            className={styles.input}
            size="small"
            data-testid="nulage-new"
            value={draft}
            disabled={props.disabled}
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button size="small" data-testid="nulage-add" disabled={props.disabled || draft.trim() === ""} onClick={add}>
          {s.initNulageAdd}
        </Button>
      </div>
      <Button
        className={styles.reset}
        size="small"
        appearance="transparent"
        disabled={props.disabled || isStandard(value)}
        onClick={() => {
          ids.current = STANDARD_NULAGEN.map(() => nextId.current++);
          onChange([...STANDARD_NULAGEN]);
        }}
      >
        {s.initNulageReset}
      </Button>
    </div>
  );
}
