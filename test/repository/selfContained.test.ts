/**
 * A clone of Samkalk stands on its own: no source, test, script or benchmark reads a path outside the
 * repository (the reference material the project was built from is not shipped with it).
 */
import fs from "node:fs";
import path from "node:path";
import { FILES, fixturePath } from "../scb/fixturePaths";

const ROOT = path.resolve(__dirname, "..", "..");
const SCANNED = ["src", "test", "scripts", "bench", "bin", ".ci"];
const CODE = /\.(ts|tsx|js|mjs|cjs|sh)$|^run$/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" || e.name === "node_modules" ? [] : files(p);
    return CODE.test(e.name) ? [p] : [];
  });
}

describe("the repository is self-contained", () => {
  const all = SCANNED.filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap((d) => files(path.join(ROOT, d)));

  it("scans the code it should", () => {
    expect(all.some((f) => f.endsWith(path.join("test", "scb", "fixturePaths.ts")))).toBe(true);
    expect(all.length).toBeGreaterThan(100);
  });

  it("no file names a sibling folder of the clone", () => {
    const offenders = all.flatMap((f) => {
      if (f === __filename) return [];
      return fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => /\.\.\/shared\b|["']shared["']\s*,\s*["']fixtures["']/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`);
    });
    expect(offenders).toEqual([]);
  });

  it("the SCB fixtures named in fixturePaths.ts all exist inside the repository", () => {
    for (const rel of Object.values(FILES)) {
      const p = fixturePath(rel);
      expect(path.relative(ROOT, p).startsWith("..")).toBe(false);
      expect({ rel, exists: fs.existsSync(p) }).toEqual({ rel, exists: true });
    }
  });
});
