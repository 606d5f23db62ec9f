/**
 * The command line runs from a prebuilt bundle (bin/cliBundle.js) and never from stale code: a bundle built
 * from other sources than those now under src/ is rebuilt by the next command, which answers from the new one.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain-JS loader bin/samkalk.js uses
const bundle = require(path.join(root, "bin", "cliBundle.js")) as {
  bundleFile: string;
  stampFile: string;
  codeCacheFile: string;
  freshBundle: () => string | null;
};

const samkalk = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "bin", "samkalk.js"), ...args], { encoding: "utf8" });

describe("the prebuilt command line", () => {
  it("rebuilds a bundle built from other sources on the next command, and answers from it", () => {
    expect(samkalk("kommuner", "2480").status).toBe(0); // makes sure a bundle exists
    expect(bundle.freshBundle()).toBe(bundle.bundleFile);
    // As if a source file had changed since the build (or been restored by git with an older time).
    const old = new Date("2000-01-01T00:00:00Z");
    fs.writeFileSync(bundle.stampFile, "built from other sources");
    fs.utimesSync(bundle.bundleFile, old, old);
    expect(bundle.freshBundle()).toBeNull();

    const r = samkalk("kommuner", "Umeå");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2480\tUmeå");
    expect(fs.statSync(bundle.bundleFile).mtimeMs).toBeGreaterThan(old.getTime());
    expect(bundle.freshBundle()).toBe(bundle.bundleFile);
  });

  it("keeps the bundle's compiled code for the next start, and never starts from code compiled from another bundle", () => {
    expect(samkalk("kommuner", "2480").status).toBe(0);
    const size = fs.statSync(bundle.bundleFile).size;
    const header = () => fs.readFileSync(bundle.codeCacheFile).toString("latin1", 0, 64);
    expect(header().startsWith(`${size} `)).toBe(true);
    // A cache left by another bundle (another build): not used, replaced after the command.
    fs.writeFileSync(bundle.codeCacheFile, Buffer.concat([Buffer.from("1 2 3".padEnd(64), "latin1"), Buffer.alloc(4096, 7)]));
    const r = samkalk("kommuner", "Umeå");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2480\tUmeå");
    expect(header().startsWith(`${size} `)).toBe(true);
  });

  it("holds the whole command line in one file, with the packages loaded from node_modules", () => {
    const text = fs.readFileSync(bundle.bundleFile, "utf8");
    expect(text).toContain('require("commander")');
    expect(text).not.toMatch(/require\("\.\.?\//); // no TypeScript left to load
  });
});
