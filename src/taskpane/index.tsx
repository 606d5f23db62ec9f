import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../hosts/office/officeHost";
import { App } from "./App";
import { STRINGS, pickLang } from "./i18n";

/**
 * Task pane entry: waits for Office.js once, then renders. Only this page needs Office; pages that do not
 * (support.html) load no script at all.
 */
function mount(node: React.ReactNode) {
  const container = document.getElementById("container");
  if (!container) throw new Error("#container missing in taskpane.html");
  createRoot(container).render(node);
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

if (typeof Office === "undefined") {
  notInExcel(pickLang(navigator.language));
} else {
  void Office.onReady().then((info) => {
    const lang = pickLang(Office.context?.displayLanguage ?? navigator.language);
    // Compared as text: Office.HostType.Excel is "Excel"; null when the page is opened outside Office.
    if (String(info?.host) !== "Excel" || !Office.context?.document) {
      notInExcel(lang);
      return;
    }
    document.documentElement.lang = lang === "sv" ? "sv-SE" : "en-US";
    document.title = `${STRINGS[lang].appTitle}`;
    mount(
      <App
        services={{
          lang,
          settingsStore: createOfficeSettingsStore(),
          createHost: () => new OfficeWorkbookHost(),
        }}
      />,
    );
  });
}
