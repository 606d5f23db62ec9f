import { Button, TableHeaderCell, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** The header of a table's remove column: its name for screen readers only. */
export function RemoveColumnHeader(props: { className: string; label: string }) {
  const styles = useStyles();
  return (
    <TableHeaderCell className={props.className}>
      <span className={styles.visuallyHidden}>{props.label}</span>
    </TableHeaderCell>
  );
}

/** A table row's remove button (✕), named `label` for screen readers and as its tooltip. */
export function RemoveRowButton(props: { label: string; testId?: string; disabled?: boolean; onClick: () => void }) {
  return (
    <Button size="small" appearance="subtle" aria-label={props.label} title={props.label} data-testid={props.testId} disabled={props.disabled} onClick={props.onClick}>
      ✕
    </Button>
  );
}
