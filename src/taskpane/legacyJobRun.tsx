import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { useServices, useStrings } from "./services";
import { errorText } from "./viewParts";

export interface JobProgress {
  step: string;
  fraction: number;
}

/**
 * A job run from a view: its outcome or error, and its progress while it runs. `run` clears the last
 * result; then `refusal` (why the job cannot run as the form stands), if given, becomes the error, or
 * the job runs with its progress shown (its own steps in Swedish, where they are Swedish; "running"
 * otherwise). A job that resolves to undefined leaves no outcome (it has to ask the user first); one
 * that throws leaves its message as the error.
 */
export function useJobRun<O>() {
  const { lang } = useServices();
  const s = useStrings();
  const [progress, setProgress] = React.useState<JobProgress | null>(null);
  const [outcome, setOutcome] = React.useState<O | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const run = async (job: (onProgress: (step: string, fraction: number) => void) => Promise<O | undefined>, refusal?: string | null) => {
    setOutcome(null);
    setError(null);
    if (refusal) {
      setError(refusal);
      return;
    }
    setProgress({ step: s.running, fraction: 0 });
    try {
      const result = await job((step, fraction) => setProgress({ step: lang === "sv" ? step : s.running, fraction }));
      if (result !== undefined) setOutcome(result);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };

  return { outcome, error, progress, running: progress !== null, run };
}

/** A labelled progress bar: `fraction` done, or indeterminate without it. */
export function ProgressField(props: { testId: string; step: string; fraction?: number }) {
  const s = useStrings();
  const value = props.fraction === undefined ? {} : { value: props.fraction, max: 1 };
  return (
    <Field label={s.progressLabel} validationMessage={props.step} validationState="none">
      <ProgressBar data-testid={props.testId} {...value} />
    </Field>
  );
}
