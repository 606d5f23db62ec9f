import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { useStrings } from "./services";

/**
 * A whole-number input that keeps what the user types. `onChange` gets the number, or NaN while the
 * text is not a whole number (the field then shows why, and the view refuses to run).
 */
export function IntegerField(props: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  testId: string;
  id?: string;
  hint?: string;
  /** What the last run found wrong with it (shown while the text is a whole number). */
  problem?: string;
  className?: string;
}) {
  const s = useStrings();
  const { value, onChange } = props;
  const [text, setText] = React.useState(Number.isNaN(value) ? "" : String(value));
  // Follow changes made elsewhere (settings loaded from the workbook, the embedded-population fill).
  React.useEffect(() => {
    setText((t) => (toInt(t) === value || (Number.isNaN(value) && Number.isNaN(toInt(t))) ? t : String(value)));
  }, [value]);
  const invalid = Number.isNaN(toInt(text));
  return (
    <Field
      label={props.label}
      hint={props.hint}
      className={props.className}
      validationState={invalid || props.problem !== undefined ? "error" : "none"}
      validationMessage={invalid ? s.integerRequired : props.problem}
    >
      <Input
        id={props.id}
        data-testid={props.testId}
        value={text}
        inputMode="numeric"
        onChange={(_, d) => {
          setText(d.value);
          onChange(toInt(d.value));
        }}
      />
    </Field>
  );
}

function toInt(t: string): number {
  const c = t.trim();
  return /^\d{1,6}$/.test(c) ? Number(c) : NaN;
}
