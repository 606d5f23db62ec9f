/**
 * Offline checks of manifest.xml (no Microsoft validation service): parsed with xml2js (a real, strict
 * sax-based XML parser, installed with office-addin-manifest), then walked as a plain element tree.
 */
import fs from "node:fs";
import path from "node:path";

// xml2js ships without type declarations; this is the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js: { parseStringPromise(xml: string, options: object): Promise<unknown> } = require("xml2js");

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

type RawNode = { "#name": string; $?: Record<string, string>; _?: string; $$?: RawNode[] };

function toEl(n: RawNode): El {
  return { name: n["#name"], attrs: n.$ ?? {}, text: (n._ ?? "").trim(), children: (n.$$ ?? []).map(toEl) };
}

function all(root: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

const named = (root: El, name: string) => all(root, (e) => e.name === name);
const child = (e: El, name: string) => e.children.find((c) => c.name === name);

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(sig)) throw new Error(`${file} is not a PNG`);
  if (b.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function assetFor(url: string): string {
  const u = new URL(url);
  expect(u.origin).toBe(DEV_ORIGIN);
  return path.join(ROOT, decodeURIComponent(u.pathname));
}

let xml: string;
let root: El;

beforeAll(async () => {
  xml = fs.readFileSync(MANIFEST, "utf8");
  const parsed = (await xml2js.parseStringPromise(xml, {
    strict: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  })) as Record<string, RawNode>;
  const [rootName] = Object.keys(parsed);
  root = toEl({ ...parsed[rootName], "#name": rootName });
});

describe("manifest.xml", () => {
  test("is well-formed XML with an OfficeApp TaskPaneApp root", async () => {
    // The parser is strict: the same file with one end tag missing is refused.
    await expect(xml2js.parseStringPromise(xml.replace("</Permissions>", ""), { strict: true })).rejects.toThrow();
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  test("Id is a GUID, provider is Samkalk, default locale sv-SE", () => {
    expect(child(root, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "ProviderName")?.text).toBe("Samkalk");
    expect(child(root, "DefaultLocale")?.text).toBe("sv-SE");
    expect(child(root, "Version")?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("asks for ReadWriteDocument, runs in Excel and requires ExcelApi 1.8", () => {
    expect(child(root, "Permissions")?.text).toBe("ReadWriteDocument");
    const hosts = child(root, "Hosts")!.children;
    expect(hosts.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    const sets = child(child(root, "Requirements")!, "Sets")!;
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    const excelApi = sets.children.filter((s) => s.name === "Set" && s.attrs.Name === "ExcelApi");
    expect(excelApi).toHaveLength(1);
    expect(excelApi[0].attrs.MinVersion).toBe("1.8");
  });

  test("DisplayName and Description have an en-US override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(root, name)!;
      expect(el.attrs.DefaultValue?.length).toBeGreaterThan(0);
      const overrides = el.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attrs.Value?.length).toBeGreaterThan(0);
    }
  });

  test("every string resource has a Swedish default and an en-US override", () => {
    const resources = named(root, "Resources")[0];
    const strings = [...named(resources, "bt:ShortStrings"), ...named(resources, "bt:LongStrings")].flatMap((g) =>
      g.children.filter((c) => c.name === "bt:String"),
    );
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      expect(s.attrs.DefaultValue?.length).toBeGreaterThan(0);
      const overrides = s.children.filter((c) => c.name === "bt:Override");
      expect({ id: s.attrs.id, locales: overrides.map((o) => o.attrs.Locale) }).toEqual({ id: s.attrs.id, locales: ["en-US"] });
      expect(overrides[0].attrs.Value?.length).toBeGreaterThan(0);
    }
    for (const s of named(resources, "bt:ShortStrings").flatMap((g) => g.children)) {
      // Short strings are limited to 125 characters.
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      s.children.forEach((o) => expect(o.attrs.Value.length).toBeLessThanOrEqual(125));
    }
  });

  test("every resid in VersionOverrides is defined exactly once", () => {
    const vo = child(root, "VersionOverrides")!;
    const resources = child(vo, "Resources")!;
    const defined = all(resources, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    const used = all(child(vo, "Hosts")!, (e) => e.attrs.resid !== undefined).map((e) => e.attrs.resid);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(defined).toContain(id);
    // …and nothing is defined that is never used.
    for (const id of defined) expect(used).toContain(id);
  });

  test("the ribbon button on the Home tab shows the task pane", () => {
    const tab = named(root, "OfficeTab")[0];
    expect(tab.attrs.id).toBe("TabHome");
    const action = named(tab, "Action")[0];
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const resid = child(action, "SourceLocation")!.attrs.resid;
    const url = all(root, (e) => e.name === "bt:Url" && e.attrs.id === resid)[0];
    expect(url.attrs.DefaultValue).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test("SourceLocation and the task pane URL are taskpane.html on one https origin", () => {
    const source = child(child(root, "DefaultSettings")!, "SourceLocation")!.attrs.DefaultValue;
    expect(source).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(fs.existsSync(path.join(ROOT, "src", "taskpane", "taskpane.html"))).toBe(true);
    const urls = all(root, (e) => e.name === "bt:Url").map((e) => e.attrs.DefaultValue);
    for (const u of [...urls, child(root, "SupportUrl")!.attrs.DefaultValue]) expect(new URL(u).origin).toBe(new URL(source).origin);
  });

  test("every icon URL is a PNG in assets/ with the stated size", () => {
    const checks: { url: string; size: number }[] = [
      { url: child(root, "IconUrl")!.attrs.DefaultValue, size: 32 },
      { url: child(root, "HighResolutionIconUrl")!.attrs.DefaultValue, size: 64 },
    ];
    const images = new Map(all(root, (e) => e.name === "bt:Image" && e.attrs.id !== undefined).map((e) => [e.attrs.id, e.attrs.DefaultValue]));
    for (const ref of all(root, (e) => e.name === "bt:Image" && e.attrs.resid !== undefined)) {
      checks.push({ url: images.get(ref.attrs.resid)!, size: Number(ref.attrs.size) });
    }
    // Resource ids promise a size too ("Icon.80x80").
    for (const [id, url] of images) {
      const m = /(\d+)x(\d+)$/.exec(id!);
      if (m) checks.push({ url: url!, size: Number(m[1]) });
    }
    expect(checks.length).toBeGreaterThanOrEqual(8);
    for (const { url, size } of checks) {
      const file = assetFor(url);
      expect(path.dirname(file)).toBe(path.join(ROOT, "assets"));
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  test("has no plain http:// URLs (namespace names aside)", () => {
    const values = all(root, () => true).flatMap((e) => [
      e.text,
      ...Object.entries(e.attrs)
        .filter(([k]) => !k.startsWith("xmlns"))
        .map(([, v]) => v),
    ]);
    const urls = values.filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    // No AppDomains: the add-in navigates nowhere else (SCB fetches use CORS and need none).
    expect(child(root, "AppDomains")).toBeUndefined();
  });
});
