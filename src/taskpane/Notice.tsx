import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, type MessageBarIntent } from "@fluentui/react-components";
import { listProblems, type InputProblem } from "../domain/errors";

const useStyles = makeStyles({
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
