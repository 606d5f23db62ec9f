import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, type MessageBarIntent } from "@fluentui/react-components";
import { formatProblem, type InputProblem } from "../domain/errors";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  body: { whiteSpace: "normal" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  flushList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
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
  return <BulletList items={props.problems.map(formatProblem)} flush={props.flush} />;
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
