import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Kommun } from "../../domain/kommuner";
import type { ProfileAmountPart } from "../../domain/profile/profile";
import { DecimalField } from "../DecimalField";
import { IntegerField } from "../IntegerField";
import { KommunPicker } from "../KommunPicker";
import { Notice } from "../Notice";
import { KeyChooser } from "../KeyChooser";
import { ProblemSummary } from "../run/StatusArea";
import { useStrings } from "../services";
import { RemoveRowButton } from "../tableParts";
import { useJobRun } from "../useJobRun";
import { TextField, UnitChoice, useViewStyles } from "../viewParts";
import { useProfile } from "./ProfileContext";
import { draftProblems, profileFieldOf, profileFromDraft, type ProfileDraft, type ProfileField } from "./profileDraft";
import { profileFieldRefs } from "./profileFields";

export { profileFieldRefs } from "./profileFields";

const useStyles = makeStyles({
  header: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalS },
  members: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  member: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  action: { alignSelf: "flex-start" },
});

/** A view's job, as far as the panel shows its problems. */
interface ProblemsOf {
  problemAt: (field: string) => string | undefined;
  fixed: (field: string) => void;
  state: { phase: string };
}

/**
 * The förbundsprofil editor every view shows at its top: name, region, budget year, the key, the amount
 * and (unless the view lists them itself) the member kommuner. Collapsed to a one-line summary once the
 * profile is stored; open while it is not. With `saveButton` it stores the profile itself; otherwise the
 * view's run stores it.
 */
export function ProfilePanel(props: { job?: ProblemsOf; withMembers: boolean; saveButton: boolean; withFeeFields?: boolean; defaultOpen?: boolean }) {
  const s = useStrings();
  const styles = useStyles();
  const view = useViewStyles();
  const { draft, saved, update, save } = useProfile();
  const refs = profileFieldRefs(s);
  const own = useJobRun<true>(refs, profileFieldOf);
  const [open, setOpen] = React.useState<string[]>((props.defaultOpen ?? !saved) ? ["profil"] : []);

  // A run that wrote used the profile as it stands: it folds to its summary, out of the way of the results.
  const phase = props.job?.state.phase;
  React.useEffect(() => {
    if (phase === "done") setOpen([]);
  }, [phase]);

  const problemAt = (f: ProfileField) => props.job?.problemAt(f) ?? own.problemAt(f);
  const change = (field: ProfileField, patch: Partial<ProfileDraft>) => {
    props.job?.fixed(field);
    own.fixed(field);
    update(patch);
  };
  const chosen = new Set(draft.kommuner.map((k) => k.kod));
  const addKommun = (k: Kommun) => {
    props.job?.fixed("kommuner");
    own.fixed("kommuner");
    update((d) => (d.kommuner.some((m) => m.kod === k.kod) ? {} : { kommuner: [...d.kommuner, { kod: k.kod, namn: k.namn, andel: "" }] }));
  };
  const removeKommun = (kod: string) => update((d) => ({ kommuner: d.kommuner.filter((k) => k.kod !== kod) }));

  const saveNow = () =>
    own.run({
      work: async () => {
        const p = profileFromDraft(draft);
        await save(p);
        return { done: true as const };
      },
    });

  const summary = saved
    ? s.profileSummary(draft.forbund, draft.region, draft.kommuner.length)
    : draft.forbund.trim() !== ""
      ? s.profileUnsaved(draft.forbund.trim())
      : s.profileMissing;
  const showFee = props.withFeeFields ?? true;

  return (
    <Accordion collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))} data-testid="profile-panel">
      <AccordionItem value="profil">
        <AccordionHeader data-testid="profile-toggle">
          <span className={styles.header}>
            {s.profileTitle}: <span className={styles.summary}>{summary}</span>
          </span>
        </AccordionHeader>
        {/* No collapse animation: folding after a run happens at once (no half-hidden labels meanwhile). */}
        <AccordionPanel collapseMotion={null}>
          <div className={styles.panel}>
            <Text className={view.intro}>{s.profileIntro}</Text>
            <TextField
              label={s.forbund}
              testId="forbund"
              id={refs.forbund.id}
              placeholder={s.forbundPlaceholder}
              value={draft.forbund}
              onChange={(forbund) => change("forbund", { forbund })}
              problem={problemAt("forbund")}
            />
            <TextField
              label={s.regionLabel}
              testId="region"
              id={refs.region.id}
              placeholder={s.regionPlaceholderProfile}
              value={draft.region}
              onChange={(region) => change("region", { region })}
              problem={problemAt("region")}
            />
            <IntegerField testId="ar" id={refs.ar.id} label={s.ar} value={draft.ar} onChange={(ar) => change("ar", { ar })} problem={problemAt("ar")} />
            {props.withMembers && (
              <>
                <KommunPicker chosen={chosen} onAdd={addKommun} id={refs.kommuner.id} problem={problemAt("kommuner")} label={s.profileAddMember} />
                {draft.kommuner.length > 0 && (
                  <ul className={styles.members} aria-label={s.profileMembers} data-testid="profile-members">
                    {draft.kommuner.map((k) => (
                      <li key={k.kod} className={styles.member}>
                        <span>
                          {k.namn} ({k.kod})
                        </span>
                        <RemoveRowButton label={s.remove(k.namn)} testId={`profile-remove-${k.kod}`} onClick={() => removeKommun(k.kod)} />
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {showFee && (
              <>
                <KeyChooser
                  value={draft.nyckel}
                  onChange={(nyckel) => change("referensar", { nyckel })}
                  referensArId={refs.referensar.id}
                  referensArProblem={problemAt("referensar")}
                />
                <DecimalField
                  label={s.belopp}
                  hint={s.beloppHint}
                  testId="belopp"
                  id={refs.belopp.id}
                  value={draft.belopp}
                  unit={draft.enhet === "tkr" ? s.enhetTkr : s.enhetKr}
                  onChange={(belopp) => change("belopp", { belopp })}
                  problem={problemAt("belopp")}
                  maxDecimals={2}
                />
                <UnitChoice label={s.enhet} testId="enhet" first="tkr" value={draft.enhet} onChange={(enhet) => update({ enhet })} />
                <Field label={s.avser}>
                  <RadioGroup data-testid="avser" value={draft.avser} onChange={(_, d) => update({ avser: d.value as ProfileAmountPart })}>
                    <Radio value="total" label={s.avserTotal} />
                    <Radio value="stat" label={s.avserStat} />
                    <Radio value="kommuner" label={s.avserKommuner} />
                  </RadioGroup>
                </Field>
              </>
            )}
            {props.saveButton && (
              <>
                <Button className={styles.action} data-testid="profile-save" disabled={own.busy} onClick={() => void saveNow()}>
                  {s.profileSave}
                </Button>
                <div aria-live="polite">
                  {own.state.phase === "done" && (
                    <Notice intent="success" testId="profile-saved">
                      {s.profileSaved}
                    </Notice>
                  )}
                  {own.state.phase === "problems" && <ProblemSummary problems={own.state.problems} fieldIds={refs} />}
                </div>
              </>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** Whether the draft is a complete, valid profile. */
export const draftIsValid = (d: ProfileDraft) => draftProblems(d).length === 0;
