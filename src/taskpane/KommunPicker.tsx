import * as React from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import { searchKommuner, kommunByCode, type Kommun } from "../domain/kommuner";
import { useStrings } from "./services";

/**
 * Search all 290 kommuner by name or by (the start of) the 4-digit code and add one at a time. The chosen
 * kommuner are listed, each with a remove button, in the member table below.
 */
export function KommunPicker(props: { chosen: ReadonlySet<string>; onAdd: (k: Kommun) => void; id?: string; problem?: string; label?: string }) {
  const s = useStrings();
  const [query, setQuery] = React.useState("");
  // Controlled so that pasting a name or code (no key press) also opens the list.
  const [open, setOpen] = React.useState(false);
  const matches = React.useMemo(() => searchKommuner(query, 30), [query]);
  const hintId = React.useId();

  return (
    <Field
      label={props.label ?? s.addKommun}
      hint={{ children: s.addKommunHint, id: hintId }}
      {...(props.problem !== undefined ? { validationState: "error" as const, validationMessage: props.problem } : {})}
    >
      <Combobox
        id={props.id}
        data-testid="kommun-search"
        freeform
        placeholder={s.addKommunPlaceholder}
        value={query}
        selectedOptions={[]}
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, d) => {
          const k = d.optionValue ? kommunByCode(d.optionValue) : undefined;
          if (k && !props.chosen.has(k.kod)) props.onAdd(k);
          setQuery("");
        }}
      >
        {matches.length === 0 ? (
          <Option key="none" value="" text="" disabled>
            {s.noMatch}
          </Option>
        ) : (
          matches.map((k) => {
            const already = props.chosen.has(k.kod);
            const text = `${k.namn} (${k.kod})`;
            return (
              <Option key={k.kod} value={k.kod} text={text} disabled={already}>
                {already ? `${text} – ${s.alreadyChosen}` : text}
              </Option>
            );
          })
        )}
      </Combobox>
    </Field>
  );
}
