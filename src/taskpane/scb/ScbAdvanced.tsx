import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_SCB_BASE_URL } from "../../usecases/scb/fetchSettings";
import { useStrings } from "../services";
import { problemState } from "../viewParts";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

/**
 * Avancerat: SCB's API address as typed (`text`), committed when the field is left or Enter is
 * pressed, and a button back to the default address (off while `baseUrl` is the default).
 */
export function ScbAdvanced(props: {
  text: string;
  baseUrl: string;
  problem: string | undefined;
  disabled: boolean;
  onText: (text: string) => void;
  onCommit: (text: string) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const { text, disabled, onCommit } = props;
  return (
    <Accordion collapsible>
      <AccordionItem value="advanced">
        <AccordionHeader data-testid="scb-advanced">{s.scbSectionAdvanced}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.stack}>
            <Field label={s.scbBaseUrl} hint={s.scbBaseUrlHint(DEFAULT_SCB_BASE_URL)} {...problemState(props.problem)}>
              <Input
                data-testid="scb-base-url"
                type="url"
                value={text}
                disabled={disabled}
                onChange={(_, d) => props.onText(d.value)}
                onBlur={() => onCommit(text)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") onCommit(text);
                }}
              />
            </Field>
            <Button size="small" data-testid="scb-base-url-reset" disabled={disabled || props.baseUrl === DEFAULT_SCB_BASE_URL} onClick={() => onCommit(DEFAULT_SCB_BASE_URL)}>
              {s.scbBaseUrlReset}
            </Button>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
