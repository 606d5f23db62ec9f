// Regenerates src/domain/data/*.json from the recorded SCB files in test/fixtures/scb.
// Run from the repository root: node scripts/build-embedded-data.mjs
// Sources (see the fixtures README for origins):
//  - kommun codes and names: v1 BefolkManadCKM json-stat2 response (312 regions: riket, 21 län, 290 kommuner)
//  - population 31 Dec 2019 by kommun and single year of age: BefolkningNy extract (names only)
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const fixtures = path.join(root, "test", "fixtures", "scb");
const out = path.join(root, "src", "domain", "data");

const ckm = JSON.parse(
  fs.readFileSync(path.join(fixtures, "v1/responses/BefolkManadCKM_jsonstat2_region-all_alder-TotSA_kon-TotSa.json"), "utf8"),
);
const cat = ckm.dimension.Region.category;
// Order by json-stat index value, never by object key order.
const codes = Object.keys(cat.index).sort((a, b) => cat.index[a] - cat.index[b]);
const lan = codes.filter((c) => c.length === 2 && c !== "00").map((kod) => ({ kod, namn: cat.label[kod] }));
const kommuner = codes.filter((c) => c.length === 4).map((kod) => ({ kod, namn: cat.label[kod], lan: kod.slice(0, 2) }));
if (kommuner.length !== 290) throw new Error(`expected 290 kommuner, got ${kommuner.length}`);
fs.writeFileSync(path.join(out, "kommuner.json"), JSON.stringify({ kalla: "SCB PxWebApi, BefolkManadCKM (TAB6471), regionlista 2026M05", lan, kommuner }, null, 1) + "\n");

const csv = fs.readFileSync(path.join(fixtures, "real-data/vagdur_SCB_alderkon_kommun_alder_kon_2019_R-writecsv_utf8.csv"), "utf8");
const rows = Papa.parse(csv, { header: true, skipEmptyLines: true }).data;
const byName = new Map(kommuner.map((k) => [k.namn, k.kod]));
const pop = new Map();
for (const r of rows) {
  const kod = byName.get(r.region);
  if (!kod) throw new Error(`okänd kommun i 2019-filen: ${r.region}`);
  const age = Number(r["ålder"]);
  const v = Number(r.X2019);
  const p = pop.get(kod) ?? { total: 0, "16-64": 0, "20-64": 0 };
  p.total += v;
  if (age >= 16 && age <= 64) p["16-64"] += v;
  if (age >= 20 && age <= 64) p["20-64"] += v;
  pop.set(kod, p);
}
if (pop.size !== 290) throw new Error(`expected 290 kommuner in 2019 file, got ${pop.size}`);
const befolkning = kommuner.map((k) => ({ kod: k.kod, ...pop.get(k.kod) }));
fs.writeFileSync(
  path.join(out, "befolkning2019.json"),
  JSON.stringify({ kalla: "SCB BefolkningNy (BE0101A), folkmängd 31 december 2019 efter kommun och ettårsklass, summerad", ar: 2019, befolkning }) + "\n",
);
console.log(`kommuner: ${kommuner.length}, län: ${lan.length}, befolkning 2019: ${befolkning.length}`);
