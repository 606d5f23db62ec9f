/**
 * The programs outside node_modules that some suites need: LibreOffice Calc (recalculation, PDF),
 * pdftotext (reading PDFs) and Chromium (the task pane). `.ci/run` installs them from Debian.
 *
 * A suite declares what it needs with `describeWith(["soffice"])(name, fn)`. When a program is missing:
 *  - by default the suite FAILS with one test that names the program and the Debian package to install,
 *    so a machine without it can never report a green run that tested less;
 *  - with SAMKALK_SKIP_EXTERNAL=1 the user has opted out: the suite is skipped, and test/run-all.js
 *    prints the skipped count in its summary line.
 */
import fs from "node:fs";
import path from "node:path";

export type ExternalProgram = "soffice" | "pdftotext" | "chromium";

const PROGRAMS: Record<ExternalProgram, { label: string; debianPackage: string }> = {
  soffice: { label: "LibreOffice Calc (soffice)", debianPackage: "libreoffice-calc-nogui" },
  pdftotext: { label: "pdftotext", debianPackage: "poppler-utils" },
  chromium: { label: "Chromium", debianPackage: "chromium" },
};

/** Where a program is on PATH (Chromium only where Debian puts it: the harness launches that binary). */
export function findProgram(program: ExternalProgram): string | null {
  if (program === "chromium") return fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, program);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export const CHROMIUM_PATH = "/usr/bin/chromium";

export function skipExternalRequested(): boolean {
  return process.env.SAMKALK_SKIP_EXTERNAL === "1";
}

export function missingProgramMessage(missing: ExternalProgram[]): string {
  const names = missing.map((p) => PROGRAMS[p].label).join(", ");
  const pkgs = missing.map((p) => PROGRAMS[p].debianPackage).join(" ");
  return `${names} is not installed, and this suite needs it. Install it (Debian: apt-get install -y ${pkgs}; .ci/run does this), or run with SAMKALK_SKIP_EXTERNAL=1 to skip the suites that need external programs (they are then counted as skipped).`;
}

/**
 * `describe` for a suite that needs the given programs: the real describe when they are all there,
 * describe.skip on an explicit opt-out, otherwise a suite whose single test fails naming what is missing.
 */
export function describeWith(programs: ExternalProgram[]): (name: string, fn: () => void) => void {
  const missing = programs.filter((p) => findProgram(p) === null);
  if (missing.length === 0) return (name, fn) => describe(name, fn);
  if (skipExternalRequested()) return (name, fn) => describe.skip(name, fn);
  return (name) =>
    describe(name, () => {
      it(`needs ${missing.map((p) => PROGRAMS[p].label).join(" and ")}`, () => {
        throw new Error(missingProgramMessage(missing));
      });
    });
}
