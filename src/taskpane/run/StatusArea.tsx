import * as React from "react";
import { Button, Field, Link, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "../Notice";
import type { Strings } from "../i18n";
import { useServices, useStrings } from "../services";
import type { JobRun } from "../useJobRun";
import type { FailureKind, FieldProblem, RunState } from "./runState";

const useStyles = makeStyles({
  // Always in view: it sticks to the bottom of the pane while the form scrolls behind it.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    marginInline: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    maxHeight: "45vh",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    outline: "none",
  },
  idle: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  where: { fontWeight: tokens.fontWeightSemibold },
  runRow: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

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

const FAILURE_TEXT: Record<FailureKind, (s: Strings) => [string, string]> = {
  network: (s) => [s.failureNetworkTitle, s.failureNetworkTry],
  scb: (s) => [s.failureScbTitle, s.failureScbTry],
  excel: (s) => [s.failureExcelTitle, s.failureExcelTry],
  file: (s) => [s.failureFileTitle, s.failureFileTry],
  unexpected: (s) => [s.failureUnexpectedTitle, s.failureUnexpectedTry],
};

/** A failure: what failed and what to try, in the pane's language. */
export function FailureNotice(props: { failure: FailureKind }) {
  const s = useStrings();
  const [title, tryThis] = FAILURE_TEXT[props.failure](s);
  return (
    <Notice intent="error" testId="result-error" title={title}>
      {tryThis}
    </Notice>
  );
}

/** The input problems of a run: one summary, each problem linking to its field. */
export function ProblemSummary(props: { problems: readonly FieldProblem[]; fieldIds: Readonly<Record<string, { id: string }>> }) {
  const s = useStrings();
  const styles = useStyles();
  const focusField = (field: string) => {
    const el = document.getElementById(props.fieldIds[field]?.id ?? "");
    el?.scrollIntoView({ block: "center" });
    el?.focus();
  };
  return (
    <Notice intent="error" testId="result-problems" title={s.problemsSummary(props.problems.length)}>
      <ul className={styles.list}>
        {props.problems.map((p, i) => (
          <li key={i}>
            {p.where !== undefined &&
              (p.field !== undefined && props.fieldIds[p.field] ? (
                <Link as="button" className={styles.where} data-testid={`problem-link-${p.field}`} onClick={() => focusField(p.field ?? "")}>
                  {p.where}
                </Link>
              ) : (
                <span className={styles.where}>{p.where}</span>
              ))}
            {p.where !== undefined && " – "}
            {p.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

const ENDED = new Set<RunState<unknown>["phase"]>(["done", "problems", "failure", "note"]);

/**
 * The status area of a job view: a footer that sticks to the bottom of the pane with the state of the
 * last run — idle, checking, progress (with Avbryt when the job can be cancelled), or its outcome with a
 * link to the sheet written. Focus moves here when a run ends, so the outcome is read and seen.
 */
export function StatusArea<O>(props: {
  job: JobRun<O>;
  testId?: string;
  renderDone: (outcome: O) => React.ReactNode;
  /** The sheet to offer a link to after a successful run. */
  sheetOf?: (outcome: O) => string | undefined;
  cancellable?: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const { createHost } = useServices();
  const { state } = props.job;
  const region = React.useRef<HTMLDivElement>(null);
  const last = React.useRef(state.phase);
  React.useEffect(() => {
    if (last.current !== state.phase && ENDED.has(state.phase)) region.current?.focus();
    last.current = state.phase;
  }, [state]);
  const sheet = state.phase === "done" ? props.sheetOf?.(state.outcome) : undefined;

  return (
    <div ref={region} className={styles.footer} role="region" aria-label={s.statusLabel} tabIndex={-1} data-testid={props.testId ?? "status"}>
      <div aria-live="polite" className={styles.grow}>
        {state.phase === "idle" && <Text className={styles.idle}>{s.statusIdle}</Text>}
        {state.phase === "validating" && <Text>{s.statusValidating}</Text>}
        {state.phase === "running" && (
          <div className={styles.runRow}>
            <div className={styles.grow}>
              <ProgressField testId="progress" step={state.step} fraction={state.fraction} />
            </div>
            {props.cancellable && (
              <Button data-testid="cancel" onClick={props.job.cancel}>
                {s.cancel}
              </Button>
            )}
          </div>
        )}
        {state.phase === "done" && props.renderDone(state.outcome)}
        {state.phase === "problems" && <ProblemSummary problems={state.problems} fieldIds={props.job.fields} />}
        {state.phase === "failure" && <FailureNotice failure={state.failure} />}
        {state.phase === "note" && (
          <Notice intent="info" testId="run-note">
            {state.note}
          </Notice>
        )}
      </div>
      {sheet !== undefined && (
        <Link as="button" data-testid="show-sheet" onClick={() => void createHost().activateSheet?.(sheet).catch(() => undefined)}>
          {s.showSheet(sheet)}
        </Link>
      )}
    </div>
  );
}

/** The form of a job view, locked while a job runs (every input and button in it is disabled; Avbryt is in the status area). */
export function FormLock(props: { locked: boolean; className?: string; children: React.ReactNode }) {
  return (
    <fieldset disabled={props.locked} className={props.className} style={{ border: 0, margin: 0, padding: 0, minInlineSize: 0 }} data-testid="form">
      {props.children}
    </fieldset>
  );
}
