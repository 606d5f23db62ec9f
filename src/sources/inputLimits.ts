/**
 * How large a file each job reads, and the one way every reader turns bytes into text. A file past its job's
 * limit is refused before it is read (the command line checks the file's size on disk, the task pane the
 * picked file's size), with a Swedish message that states the limit; below it the whole job stays within
 * about 1 GB of memory. The limits are far above any real file: 290 kommuner are 10 kB, a budget of 500
 * posts 100 kB, an SCB extract of Excel's 1 048 576 rows about 40 MB.
 */
import type { InputProblem } from "../domain/errors";

export type InputJob = "medlemmar" | "budget" | "initiativ" | "scb" | "tilldelning" | "profil";

const MB = 1024 * 1024;

export const INPUT_LIMITS: Record<InputJob, { bytes: number; vad: string }> = {
  medlemmar: { bytes: 5 * MB, vad: "en fil med kommuner och befolkning eller andelar" },
  // With --out a budget costs about 1,4 GB of memory per MB of CSV (the xlsx writer holds the workbook), so
  // 512 kB keeps the run under 1 GB; a budget of 500 posts is about 100 kB.
  budget: { bytes: 512 * 1024, vad: "en budget" },
  initiativ: { bytes: 2 * MB, vad: "en initiativtabell" },
  scb: { bytes: 16 * MB, vad: "ett SCB-utdrag" },
  tilldelning: { bytes: 2 * MB, vad: "ett underlag för statens tilldelning" },
  profil: { bytes: 1 * MB, vad: "en förbundsprofil" },
};

/** 5 * 1024 * 1024 → "5 MB"; 1 536 → "1,5 kB". */
export function formatBytes(n: number): string {
  const [unit, size] = n >= MB ? ["MB", MB] : n >= 1024 ? ["kB", 1024] : ["byte", 1];
  const v = Math.round((n / size) * 10) / 10;
  return `${String(v).replace(".", ",")} ${unit}`;
}

/** Why a file of `size` bytes is too large for `job`, located at `plats` (the file's name), or null. */
export function sizeProblem(job: InputJob, size: number, plats: string): InputProblem | null {
  const limit = INPUT_LIMITS[job];
  if (size <= limit.bytes) return null;
  return {
    plats,
    meddelande: `Filen är ${formatBytes(size)}; Samkalk läser högst ${formatBytes(limit.bytes)} som ${limit.vad}. Kontrollera att det är rätt fil, eller dela upp den. Inget har lästs in.`,
  };
}

