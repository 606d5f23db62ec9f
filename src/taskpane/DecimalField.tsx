import { Field, Input } from "@fluentui/react-components";
import { formatAmount, parseDecimal } from "../domain/amount";
import { useStrings } from "./services";
import { problemState } from "./viewParts";

/** A number as the pane shows it, the Swedish way: "78 389", "57 649 000,50", "−1,5" (text that is not a number stays as typed). */
export function swedishNumber(text: string | number): string {
  const d = parseDecimal(text);
  return d ? formatAmount({ minor: d.digits, decimals: d.decimals }) : String(text);
}

/** Whether `text` reads as a number (spaces as thousands separators, decimal comma or point, − or -). */
export function isDecimalText(text: string, opts: { negative?: boolean; maxDecimals?: number } = {}): boolean {
  const d = parseDecimal(text);
  if (!d) return false;
  if (!opts.negative && d.digits < 0n) return false;
  return opts.maxDecimals === undefined || d.decimals <= opts.maxDecimals;
}

/**
 * A decimal input, checked as the user types (like the year fields): letters show at once under the
 * field; leaving the field writes a valid number the Swedish way. `problem` is what the last run found.
 */
export function DecimalField(props: {
  label: string;
  testId: string;
  id?: string;
  value: string;
  onChange: (value: string) => void;
  unit?: string;
  hint?: string;
  problem?: string;
  className?: string;
  /** Negative numbers allowed (a yearly change, a result). */
  negative?: boolean;
  maxDecimals?: number;
  /** What to say while the text is not a number (default: "Skriv ett belopp …"). */
  invalidText?: string;
}) {
  const s = useStrings();
  const typedWrong = props.value.trim() !== "" && !isDecimalText(props.value, props);
  const problem = typedWrong ? (props.invalidText ?? s.amountRequired) : props.problem;
  return (
    <Field label={props.label} hint={props.hint} className={props.className} {...problemState(problem)}>
      <Input
        id={props.id}
        data-testid={props.testId}
        inputMode="decimal"
        value={props.value}
        contentAfter={props.unit !== undefined ? <span aria-hidden="true">{props.unit}</span> : undefined}
        onChange={(_, d) => props.onChange(d.value)}
        onBlur={() => {
          if (props.value.trim() !== "" && !typedWrong) {
            const formatted = swedishNumber(props.value.trim());
            if (formatted !== props.value) props.onChange(formatted);
          }
        }}
      />
    </Field>
  );
}
