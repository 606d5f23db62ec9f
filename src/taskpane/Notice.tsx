import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, type MessageBarIntent } from "@fluentui/react-components";
import { listProblems, type InputProblem } from "../domain/errors";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  body: { whiteSpace: "normal" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  flushList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  part: { marginTop: tokens.spacingVerticalS },
  partTitle: { fontWeight: tokens.fontWeightSemibold },
});

/** One message of a view: a multiline MessageBar with an optional title. */
export function Notice(props: { intent: MessageBarIntent; testId: string; title?: string; children?: React.ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent={props.intent} layout="multiline" data-testid={props.testId}>
      <MessageBarBody className={styles.body}>
        {props.title !== undefined && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The messages of a run, stacked and announced as they appear. */
export function ResultStack(props: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.stack} aria-live="polite">
      {props.children}
    </div>
  );
}

/** A note on the last run (e.g. that it was cancelled), shown before its result; none: nothing. */
export function RunNote(props: { note: string | null }) {
  return props.note ? (
    <Notice intent="info" testId="run-note">
      {props.note}
    </Notice>
  ) : null;
}

/** A titled bulleted list of sheet names in a message; `testId` marks the part, `listTestId` the list. */
export function SheetList(props: { id: string; title: string; names: readonly string[]; testId?: string; listTestId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.part} data-testid={props.testId}>
      <div className={styles.partTitle} id={props.id}>
        {props.title}
      </div>
      <ul className={styles.list} aria-labelledby={props.id} data-testid={props.listTestId}>
        {props.names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/** A bulleted list in a message; `flush`: without the space above. */
export function BulletList(props: { items: readonly string[]; flush?: boolean }) {
  const styles = useStyles();
  return (
    <ul className={props.flush ? styles.flushList : styles.list}>
      {props.items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function ProblemList(props: { problems: readonly InputProblem[]; flush?: boolean }) {
  return <BulletList items={listProblems(props.problems)} flush={props.flush} />;
}

/** Why a run wrote nothing: the error it failed with, and the located problems it found in the input. */
export function RunFailure(props: {
  error: string | null;
  errorTitle: string;
  problems: readonly InputProblem[] | null;
  problemsTitle: string;
  flush?: boolean;
}) {
  return (
    <>
      {props.error && (
        <Notice intent="error" testId="result-error" title={props.errorTitle}>
          {props.error}
        </Notice>
      )}
      {props.problems && (
        <Notice intent="error" testId="result-problems" title={props.problemsTitle}>
          <ProblemList problems={props.problems} flush={props.flush} />
        </Notice>
      )}
    </>
  );
}
