import * as React from "react";
import type { SettingsStore, WorkbookHost } from "../hosts/host";
import { STRINGS, type Lang, type Strings } from "./i18n";

/** What the views need from the outside world; index.tsx wires the Office.js implementations. */
export interface TaskpaneServices {
  lang: Lang;
  /** The workbook's settings (shared with everyone who opens the file). */
  settingsStore: SettingsStore;
  /** A fresh host per job run. */
  createHost: () => WorkbookHost;
}

const ServicesContext = React.createContext<TaskpaneServices | null>(null);

export function ServicesProvider(props: { services: TaskpaneServices; children: React.ReactNode }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): TaskpaneServices {
  const s = React.useContext(ServicesContext);
  if (!s) throw new Error("useServices outside ServicesProvider");
  return s;
}

export function useStrings(): Strings {
  return STRINGS[useServices().lang];
}
