import * as React from "react";
import {
  Button,
  CompoundButton,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Strings } from "./i18n";
import { ProfileProvider } from "./profile/ProfileContext";
import { ServicesProvider, useStrings, type TaskpaneServices } from "./services";

/**
 * The jobs the task pane offers. A job is a view loaded on demand (its own chunk), so adding one
 * (SCB-data, Budget, Samverkansinitiativ, Statlig tilldelning) is one entry here plus its view; the start page stays small.
 */
interface JobDef {
  id: string;
  title: (s: Strings) => string;
  description: (s: Strings) => string;
  View: React.LazyExoticComponent<React.ComponentType>;
}

const JOBS: readonly JobDef[] = [
  {
    id: "styrelsepaket",
    title: (s) => s.jobPackTitle,
    description: (s) => s.jobPackDescription,
    View: React.lazy(() => import(/* webpackChunkName: "pack" */ "./pack/PackView")),
  },
  {
    id: "medlemsavgifter",
    title: (s) => s.jobFeeSplitTitle,
    description: (s) => s.jobFeeSplitDescription,
    View: React.lazy(() => import(/* webpackChunkName: "feesplit", webpackPrefetch: true */ "./fee/FeeSplitView")),
  },
  {
    id: "samverkansinitiativ",
    title: (s) => s.jobInitiativesTitle,
    description: (s) => s.jobInitiativesDescription,
    View: React.lazy(() => import(/* webpackChunkName: "initiatives", webpackPrefetch: true */ "./initiatives/InitiativesView")),
  },
  {
    id: "scb",
    title: (s) => s.jobScbTitle,
    description: (s) => s.jobScbDescription,
    View: React.lazy(() => import(/* webpackChunkName: "scb", webpackPrefetch: true */ "./scb/ScbView")),
  },
  {
    id: "budget",
    title: (s) => s.jobBudgetTitle,
    description: (s) => s.jobBudgetDescription,
    View: React.lazy(() => import(/* webpackChunkName: "budget", webpackPrefetch: true */ "./budget/BudgetView")),
  },
  {
    id: "tilldelning",
    title: (s) => s.jobAllocationTitle,
    description: (s) => s.jobAllocationDescription,
    View: React.lazy(() => import(/* webpackChunkName: "tilldelning" */ "./tilldelning/TilldelningView")),
  },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column" },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  main: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` },
  h2: { margin: `0 0 ${tokens.spacingVerticalM} 0`, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, outline: "none" },
  jobs: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  jobButton: { width: "100%", justifyContent: "flex-start", textAlign: "start" },
  jobDescription: { lineHeight: tokens.lineHeightBase300, marginTop: tokens.spacingVerticalXS },
  back: { marginBottom: tokens.spacingVerticalS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

function JobChooser(props: { onChoose: (id: string) => void }) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <nav aria-labelledby="sk-jobs">
      <h2 id="sk-jobs" className={styles.h2}>
        {s.chooseJob}
      </h2>
      <ul className={styles.jobs}>
        {JOBS.map((job) => (
          <li key={job.id}>
            <CompoundButton
              className={styles.jobButton}
              data-testid={`job-${job.id}`}
              secondaryContent={{ children: job.description(s), className: styles.jobDescription }}
              onClick={() => props.onChoose(job.id)}
            >
              {job.title(s)}
            </CompoundButton>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function JobPage(props: { job: JobDef; onBack: () => void }) {
  const s = useStrings();
  const styles = useStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  // Move focus to the job's heading so screen readers announce the new view.
  React.useEffect(() => heading.current?.focus(), []);
  const { View } = props.job;
  return (
    <div>
      <Button className={styles.back} appearance="transparent" size="small" data-testid="back" onClick={props.onBack}>
        ‹ {s.back}
      </Button>
      <h2 ref={heading} tabIndex={-1} className={styles.h2}>
        {props.job.title(s)}
      </h2>
      <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
        <View />
      </React.Suspense>
    </div>
  );
}

function Shell() {
  const s = useStrings();
  const styles = useStyles();
  const [jobId, setJobId] = React.useState<string | null>(null);
  const job = JOBS.find((j) => j.id === jobId);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.titles}>
          <h1 className={styles.h1}>{s.appTitle}</h1>
          <Text size={200}>{s.appSubtitle}</Text>
        </div>
      </header>
      <main className={styles.main}>
        {job ? <JobPage job={job} onBack={() => setJobId(null)} /> : <JobChooser onChoose={setJobId} />}
      </main>
    </div>
  );
}

export function App(props: { services: TaskpaneServices }) {
  return (
    <FluentProvider theme={webLightTheme} lang={props.services.lang === "sv" ? "sv-SE" : "en-US"}>
      <ServicesProvider services={props.services}>
        <ProfileProvider>
          <Shell />
        </ProfileProvider>
      </ServicesProvider>
    </FluentProvider>
  );
}
