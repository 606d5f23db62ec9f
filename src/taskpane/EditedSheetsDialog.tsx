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
