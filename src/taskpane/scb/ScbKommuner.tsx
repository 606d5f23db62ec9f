import * as React from "react";
import { Button, Checkbox, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { kommunByCode, type Kommun } from "../../domain/kommuner";
import type { ScbFetchSettings } from "../../usecases/scb/fetchSettings";
import { KommunPicker } from "../KommunPicker";
import { useStrings } from "../services";
import { Section } from "../viewParts";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginInlineStart: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  listHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
});

/**
 * The regions of a fetch: the kommuner picked (listed with a remove button each), and whether the län
 * and riket come along (helårsekvivalenter has no län).
 */
export function ScbKommuner(props: {
  settings: ScbFetchSettings;
  update: (patch: Partial<ScbFetchSettings>) => void;
  setSettings: React.Dispatch<React.SetStateAction<ScbFetchSettings>>;
  disabled: boolean;
  id?: string;
  problem?: string;
}) {
  const s = useStrings();
  const styles = useStyles();
  const { settings: st, update, setSettings, disabled } = props;
  const chosen = React.useMemo(() => new Set(st.kommuner), [st.kommuner]);
  const addKommun = (k: Kommun) => setSettings((prev) => (prev.kommuner.includes(k.kod) ? prev : { ...prev, kommuner: [...prev.kommuner, k.kod] }));
  const removeKommun = (kod: string) => setSettings((prev) => ({ ...prev, kommuner: prev.kommuner.filter((k) => k !== kod) }));

  return (
    <Section id="sk-scb-kommuner" title={`${s.scbSectionRegioner} (${s.memberCount(st.kommuner.length)})`}>
      <Text className={styles.muted} data-testid="scb-kommuner-hint">
        {s.scbKommunerFromProfile}
      </Text>
      <KommunPicker chosen={chosen} onAdd={addKommun} id={props.id} problem={props.problem} label={s.scbAddKommun} />
      <h4 id="sk-scb-chosen" className={styles.listHeading}>
        {s.scbChosenKommuner}
      </h4>
      {st.kommuner.length === 0 ? (
        <Text className={styles.muted} data-testid="scb-no-kommuner">
          {s.scbNoKommuner}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby="sk-scb-chosen" data-testid="scb-kommuner">
          {st.kommuner.map((kod) => {
            const namn = kommunByCode(kod)?.namn ?? kod;
            return (
              <li key={kod} className={styles.item}>
                <span>
                  {namn}
                  <span className={styles.code}>{kod}</span>
                </span>
                <Button size="small" appearance="subtle" aria-label={s.remove(namn)} disabled={disabled} onClick={() => removeKommun(kod)}>
                  ✕
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {st.dataset === "helarsekvivalenter" ? (
        <Field hint={s.scbIncludeLanHe}>
          <Checkbox data-testid="scb-lan" label={s.scbIncludeLan} checked={false} disabled />
        </Field>
      ) : (
        <Checkbox data-testid="scb-lan" label={s.scbIncludeLan} checked={st.lan} disabled={disabled} onChange={(_, d) => update({ lan: d.checked === true })} />
      )}
      <Checkbox data-testid="scb-riket" label={s.scbIncludeRiket} checked={st.riket} disabled={disabled} onChange={(_, d) => update({ riket: d.checked === true })} />
    </Section>
  );
}
