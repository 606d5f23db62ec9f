import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../hosts/office/officeHost";
import { App } from "./App";
import { STRINGS, pickLang } from "./i18n";

/**
 * Task pane entry: waits for Office.js once, then renders. Only this page needs Office; pages that do not
 * (support.html) load no script at all.
 */
let root: ReturnType<typeof createRoot> | undefined;

function mount(node: React.ReactNode) {
  const container = document.getElementById("container");
  if (!container) throw new Error("#container missing in taskpane.html");
  root ??= createRoot(container);
  root.render(node);
}

/** How long Office.onReady may take before the pane says that Excel is not answering. */
const OFFICE_READY_TIMEOUT_MS = 20_000;

function officeFailed(lang: "sv" | "en") {
  const s = STRINGS[lang];
  mount(
    <main role="alert" style={{ padding: 16, fontFamily: "Segoe UI, sans-serif" }}>
      <h1 style={{ fontSize: 20 }}>{s.appTitle}</h1>
      <p>
        {lang === "sv"
          ? "Excel svarade inte när Samkalk startade. Stäng fönstret Samkalk och öppna det igen; hjälper inte det, starta om Excel."
          : "Excel did not answer when Samkalk started. Close the Samkalk pane and open it again; if that does not help, restart Excel."}
      </p>
    </main>,
  );
}

function notInExcel(lang: "sv" | "en") {
  const s = STRINGS[lang];
  document.documentElement.lang = lang === "sv" ? "sv-SE" : "en-US";
  mount(
    <main style={{ padding: 16, fontFamily: "Segoe UI, sans-serif" }}>
      <h1 style={{ fontSize: 20 }}>{s.appTitle}</h1>
      <p>
        {lang === "sv"
          ? "Samkalk fungerar bara inifrån Excel. Öppna det med knappen Samkalk på fliken Start."
          : "Samkalk only works inside Excel. Open it with the Samkalk button on the Home tab."}
      </p>
    </main>,
  );
}

const unsupported = (window as { samkalkUnsupported?: boolean }).samkalkUnsupported === true;

if (unsupported) {
  // taskpane.html has shown why this engine cannot run Samkalk.
} else if (typeof Office === "undefined") {
  notInExcel(pickLang(navigator.language));
} else {
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) officeFailed(pickLang(navigator.language));
  }, OFFICE_READY_TIMEOUT_MS);
  Office.onReady().then((info) => {
    // If Excel answers after the timeout, the pane replaces the message and starts after all.
    ready = true;
    clearTimeout(timer);
    const lang = pickLang(Office.context?.displayLanguage ?? navigator.language);
    // Compared as text: Office.HostType.Excel is "Excel"; null when the page is opened outside Office.
    if (String(info?.host) !== "Excel" || !Office.context?.document) {
      notInExcel(lang);
      return;
    }
    document.documentElement.lang = lang === "sv" ? "sv-SE" : "en-US";
    document.title = `${STRINGS[lang].appTitle}`;
    const start = () =>
      mount(
        <App
          services={{
            lang,
            settingsStore: createOfficeSettingsStore(),
            createHost: () => new OfficeWorkbookHost(),
          }}
        />,
      );
    // Settings a command-line run stored in the file (the förbundsprofil, the jobs' choices) first, so the
    // pane opens with them; the pane opens all the same if that fails (the jobs adopt them again when they run).
    new OfficeWorkbookHost().adoptCommandLineSettings().then(start, start);
  }, () => {
    ready = true;
    clearTimeout(timer);
    officeFailed(pickLang(navigator.language));
  });
}
