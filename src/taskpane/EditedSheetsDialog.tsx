import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { EditedSheetDecision } from "../usecases/writeSheets";
import { useStrings } from "./services";

/**
 * The question a job view asks when sheets Samkalk wrote have been edited since: `ask` opens it with those
 * sheets, `decide` takes the user's answer — run the job again with it, or note that nothing was written.
 */
export function useEditedSheetsQuestion(job: { note: (note: string) => void }) {
  const s = useStrings();
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  return {
    sheets,
    ask: (edited: string[]) => setSheets(edited),
    decide: (decision: EditedSheetDecision | null, rerun: (decision: EditedSheetDecision) => unknown) => {
      setSheets(null);
      if (decision) void rerun(decision);
      else job.note(s.editedRunCancelled);
    },
  };
}

const useStyles = makeStyles({
  dialogList: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  dialogActions: { flexWrap: "wrap" },
});

/**
 * The sheets to ask about: those a run was refused for because the user edited them, when it was run
 * without a decision on them; otherwise null.
 */
export function sheetsToAskAbout(result: { ok: true } | { ok: false; editedSheets?: string[] }, decision: EditedSheetDecision | undefined): string[] | null {
  return !result.ok && result.editedSheets && !decision ? result.editedSheets : null;
}

/**
 * Asks what to do with sheets the user edited since Samkalk wrote them: keep a copy, overwrite, or
 * cancel (null). Open while `sheets` is not null; `textId` names the text the dialog is described by.
 */
export function EditedSheetsDialog(props: {
  sheets: readonly string[] | null;
  textId: string;
  /** The dialog's title, the view's own; the rest of its text is the same in every view. */
  title: string;
  onDecide: (decision: EditedSheetDecision | null) => void;
}) {
  const styles = useStyles();
  const s = useStrings();
  const { onDecide } = props;
  return (
    <Dialog open={props.sheets !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onDecide(null)}>
      <DialogSurface aria-describedby={props.textId}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent id={props.textId}>
            {s.editedIntro}
            <ul className={styles.dialogList} data-testid="edited-sheets">
              {(props.sheets ?? []).map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
            {s.editedQuestion}
          </DialogContent>
          <DialogActions className={styles.dialogActions}>
            <Button appearance="primary" data-testid="edited-keep" onClick={() => onDecide("keepCopy")}>
              {s.editedKeepCopy}
            </Button>
            <Button data-testid="edited-overwrite" onClick={() => onDecide("overwrite")}>
              {s.editedOverwrite}
            </Button>
            <Button data-testid="edited-cancel" onClick={() => onDecide(null)}>
              {s.editedCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
