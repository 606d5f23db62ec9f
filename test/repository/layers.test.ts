/**
 * The layers as the README draws them: every import in src/ goes with the flow
 * (domain ← sources ← sheets ← hosts ← usecases ← taskpane / cli / demo), Office.js is named only in
 * the Office host and the task pane's start-up, and no two folders import each other (directly or
 * round a longer loop). A new import against the flow fails here with the file and the line.
 */
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "..", "..", "src");

/** What each top-level folder of src/ may import, besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  sources: ["domain"],
  sheets: ["domain"],
  hosts: ["domain", "sheets"],
  usecases: ["domain", "sources", "sheets", "hosts"],
  // Shipped sample and synthetic data: built from domain types, the sources' readers and settings types.
  samples: ["domain", "sources", "usecases"],
  demo: ["domain", "sources", "sheets", "hosts", "usecases", "samples"],
  cli: ["domain", "sources", "sheets", "hosts", "usecases", "samples", "demo"],
  taskpane: ["domain", "sources", "sheets", "hosts", "usecases", "samples"],
};

interface Import {
  from: string;
  to: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative imports of a file (static, re-exports and dynamic `import()`), resolved to src/ paths. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, "utf8");
  const found: Import[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(0, m.index).split("\n").length;
    found.push({ from: path.relative(SRC, file), to: path.relative(SRC, path.resolve(path.dirname(file), m[1])), line });
  }
  return found;
}

const top = (rel: string): string => rel.split(path.sep)[0];
/** The folder a file is in, relative to src/ ("usecases/budget"; "domain" for src/domain/a1.ts). */
const folderOf = (rel: string): string => path.dirname(rel);

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);

describe("the layers of src/", () => {
  it("reads the whole tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.length).toBeGreaterThan(300);
    for (const f of files) expect(Object.keys(ALLOWED)).toContain(top(path.relative(SRC, f)));
  });

  it("imports only go with the flow", () => {
    const against = imports
      .filter((i) => top(i.from) !== top(i.to) && !(ALLOWED[top(i.from)] ?? []).includes(top(i.to)))
      .map((i) => `src/${i.from}:${i.line} imports src/${i.to}`);
    expect(against).toEqual([]);
  });

  it("nothing leaves src/", () => {
    expect(imports.filter((i) => i.to.startsWith("..")).map((i) => `src/${i.from}:${i.line}`)).toEqual([]);
  });

  it("one host does not depend on the other", () => {
    const cross = imports.filter(
      (i) =>
        (i.from.startsWith(`hosts${path.sep}xlsx`) && i.to.startsWith(`hosts${path.sep}office`)) ||
        (i.from.startsWith(`hosts${path.sep}office`) && i.to.startsWith(`hosts${path.sep}xlsx`)),
    );
    expect(cross.map((i) => `src/${i.from}:${i.line} imports src/${i.to}`)).toEqual([]);
  });

  it("Office.js is used only by the Office host and the task pane's start-up", () => {
    const officeApi = /\b(?:Excel\.(?:run|RequestContext|[A-Z]\w*Type)|Office\.(?:onReady|context|initialize))\b/;
    const users = files
      .map((f) => path.relative(SRC, f))
      .filter((rel) => officeApi.test(fs.readFileSync(path.join(SRC, rel), "utf8")))
      .filter((rel) => !rel.startsWith(`hosts${path.sep}office`) && rel !== path.join("taskpane", "index.tsx"));
    expect(users).toEqual([]);
  });

  it("no two folders import each other, directly or round a loop", () => {
    const graph = new Map<string, Set<string>>();
    for (const i of imports) {
      const a = folderOf(i.from);
      const b = folderOf(i.to);
      if (a === b || b.startsWith(`${a}${path.sep}`)) continue; // a folder may use its own subfolders
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (n: string, trail: string[]): void => {
      if (state.get(n) === "done") return;
      if (state.get(n) === "open") {
        cycles.push([...trail.slice(trail.indexOf(n)), n].join(" → "));
        return;
      }
      state.set(n, "open");
      for (const m of graph.get(n) ?? []) visit(m, [...trail, n]);
      state.set(n, "done");
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
