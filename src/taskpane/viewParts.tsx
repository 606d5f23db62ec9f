import * as React from "react";
import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "./services";

/** The layout the job views share: the form's column, its intro texts and the run area. */
export const useViewStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2 },
  run: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** A titled part of a job view's form. */
export function Section(props: { id: string; title: string; children: React.ReactNode }) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <h3 id={props.id} className={styles.heading}>
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}

/** A Field's validation props for the problem the last run found with it (none: no props). */
export function problemState(message: string | undefined) {
  return message !== undefined ? { validationState: "error" as const, validationMessage: message } : {};
}

/** A labelled text input; `problem` is what the last run found wrong with it. */
export function TextField(props: {
  label: string;
  testId: string;
  id?: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
}) {
  return (
    <Field label={props.label} {...problemState(props.problem)}>
      <Input id={props.id} data-testid={props.testId} placeholder={props.placeholder} value={props.value} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

type Unit = "kr" | "tkr";

/** A unit choice, kr or tkr, as radio buttons side by side; `first` is the one listed first. */
export function UnitChoice(props: { label: string; testId: string; value: Unit; onChange: (unit: Unit) => void; first: Unit }) {
  const s = useStrings();
  const units: Unit[] = props.first === "kr" ? ["kr", "tkr"] : ["tkr", "kr"];
  return (
    <Field label={props.label}>
      <RadioGroup
        data-testid={props.testId}
        layout="horizontal"
        value={props.value}
        onChange={(_, d) => props.onChange(d.value === units[1] ? units[1] : units[0])}
      >
        {units.map((u) => (
          <Radio key={u} value={u} label={u === "tkr" ? s.enhetTkr : s.enhetKr} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** Settings stored with the workbook, read now; null if there are none or they cannot be read. */
export function readStoredSettings<T>(load: () => T | null): T | null {
  try {
    return load();
  } catch {
    return null;
  }
}

/** The job's settings stored with the workbook, read once; null if there are none or they cannot be read. */
export function useStoredSettings<T>(load: () => T | null): T | null {
  const [initial] = React.useState(() => readStoredSettings(load));
  return initial;
}
