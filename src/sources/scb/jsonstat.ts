import { z } from "zod";
import { InputError, InputProblem } from "../../domain/errors";
import { regionNameForCode } from "../../domain/scb/regions";
import { parsePeriod, TidyRow, TidyTable } from "../../domain/scb/tidy";
import { parseScbValue } from "../../domain/scb/values";

/**
 * SCB API responses → tidy rows: json-stat2 (v2 `/tables/{id}/data`, v1 `format: json-stat2`,
 * and the v1 json-stat 1 wrapper `{dataset: …}`) and v1 PX-JSON (`response.format: json`).
 */
export interface ApiTable extends TidyTable {
  meta: { title?: string; tableId?: string; updated?: string };
}

const Category = z.object({
  index: z.union([z.array(z.string()), z.record(z.number().int().nonnegative())]).optional(),
  label: z.record(z.string()).optional(),
});
const Dimension = z.object({ label: z.string().optional(), category: Category });
const Role = z.object({ time: z.array(z.string()).optional(), geo: z.array(z.string()).optional() }).passthrough();
const Status = z.union([z.string(), z.array(z.string().nullable()), z.record(z.string())]);
const JsonStat2 = z.object({
  label: z.string().optional(),
  updated: z.string().optional(),
  note: z.array(z.string()).optional(),
  id: z.array(z.string()),
  size: z.array(z.number().int().nonnegative()),
  role: Role.optional(),
  dimension: z.record(Dimension),
  value: z.union([z.array(z.number().nullable()), z.record(z.number().nullable())]).nullable(),
  status: Status.nullable().optional(),
  extension: z.object({ px: z.object({ tableid: z.string().optional() }).passthrough().optional() }).passthrough().optional(),
});
type JsonStat2 = z.infer<typeof JsonStat2>;
// json-stat 1.0 as the v1 API writes it: id, size and role sit inside `dimension`.
const JsonStat1 = z.object({
  dataset: JsonStat2.omit({ id: true, size: true, role: true, dimension: true }).extend({
    dimension: z.object({ id: z.array(z.string()), size: z.array(z.number().int().nonnegative()), role: Role.optional() }).catchall(z.unknown()),
  }),
});

function zodProblems(err: z.ZodError, plats: string, what: string): InputProblem[] {
  return err.issues.slice(0, 5).map((i) => ({ plats: `${plats}${i.path.length ? `, ${i.path.join(".")}` : ""}`, meddelande: `${what}: ${i.message}` }));
}

/** Category codes in position order, by index value (never by key order, which JSON.parse and re-serialisers change). */
function orderedCodes(id: string, dim: z.infer<typeof Dimension>, size: number, plats: string): string[] {
  const { index, label } = dim.category;
  let codes: string[];
  if (Array.isArray(index)) codes = index;
  else if (index) {
    codes = new Array<string>(Object.keys(index).length);
    for (const [code, pos] of Object.entries(index)) {
      if (pos >= codes.length || codes[pos] !== undefined) throw new InputError([{ plats, meddelande: `Dimensionen ${id} har en ogiltig index-position ${pos}.` }]);
      codes[pos] = code;
    }
  } else if (label && Object.keys(label).length === 1) codes = Object.keys(label);
  else throw new InputError([{ plats, meddelande: `Dimensionen ${id} saknar category.index.` }]);
  if (codes.length !== size) {
    throw new InputError([{ plats, meddelande: `Dimensionen ${id} har ${codes.length} kategorier men size säger ${size}.` }]);
  }
  return codes;
}

export function parseJsonStat(json: unknown, kalla = "svaret"): ApiTable {
  const ds = toDataset(json, kalla);
  const n = ds.id.length;
  if (ds.size.length !== n) throw new InputError([{ plats: kalla, meddelande: "id och size har olika längd." }]);
  const dims = ds.id.map((id, i) => {
    const d = ds.dimension[id];
    if (!d) throw new InputError([{ plats: kalla, meddelande: `Dimensionen ${id} finns i id men inte i dimension.` }]);
    const codes = orderedCodes(id, d, ds.size[i], kalla);
    return { id, label: d.label ?? id, codes, labels: codes.map((c) => d.category.label?.[c] ?? c) };
  });
  const regionDim = pick(dims, ds.role?.geo, /^region$/i);
  const timeDim = pick(dims, ds.role?.time, /^tid$/i);
  if (timeDim < 0) throw new InputError([{ plats: kalla, meddelande: "Svaret saknar en tidsdimension (role.time eller Tid)." }]);
  const other = dims.map((_, i) => i).filter((i) => i !== regionDim && i !== timeDim);
  const labels = other.map((i) => dims[i].label);
  const total = ds.size.reduce((a, b) => a * b, 1);
  const values = ds.value ?? [];
  if (Array.isArray(values) && values.length !== total) {
    throw new InputError([{ plats: kalla, meddelande: `value har ${values.length} värden men size ger ${total}.` }]);
  }
  const status = ds.status;
  const periods = dims[timeDim].codes.map((c) => parsePeriod(c)?.kod ?? c);
  const rows: TidyRow[] = new Array<TidyRow>(total);
  const pos = new Array<number>(n).fill(0);
  for (let k = 0; k < total; k++) {
    const dimensions: Record<string, string> = {};
    other.forEach((d, j) => (dimensions[labels[j]] = dims[d].labels[pos[d]]));
    const v = Array.isArray(values) ? values[k] : values[String(k)];
    const st = status == null ? null : typeof status === "string" ? status : Array.isArray(status) ? status[k] ?? null : status[String(k)] ?? null;
    rows[k] = {
      regionkod: regionDim < 0 ? "00" : dims[regionDim].codes[pos[regionDim]],
      region: regionDim < 0 ? "Riket" : dims[regionDim].labels[pos[regionDim]],
      dimensions,
      period: periods[pos[timeDim]],
      varde: v ?? null,
      status: st,
    };
    // Row-major: the last dimension runs fastest.
    for (let d = n - 1; d >= 0 && ++pos[d] === ds.size[d]; d--) pos[d] = 0;
  }
  return {
    rows,
    dimensions: labels,
    notes: ds.note ?? [],
    meta: { title: ds.label, tableId: ds.extension?.px?.tableid, updated: ds.updated },
  };
}

function toDataset(json: unknown, kalla: string): JsonStat2 {
  const v2 = JsonStat2.safeParse(json);
  if (v2.success) return v2.data;
  const v1 = JsonStat1.safeParse(json);
  if (v1.success) {
    const { dimension, ...rest } = v1.data.dataset;
    const { id, size, role, ...dims } = dimension;
    const parsedDims = z.record(Dimension).safeParse(dims);
    if (parsedDims.success) return { ...rest, id, size, role, dimension: parsedDims.data };
    throw new InputError(zodProblems(parsedDims.error, kalla, "Inte json-stat"));
  }
  throw new InputError(zodProblems(v2.error, kalla, "Inte ett json-stat2-dataset från SCB"));
}

function pick(dims: { id: string; label: string }[], role: string[] | undefined, idPattern: RegExp): number {
  const byRole = role?.length ? dims.findIndex((d) => d.id === role[0]) : -1;
  return byRole >= 0 ? byRole : dims.findIndex((d) => idPattern.test(d.id) || idPattern.test(d.label));
}

const PxJson = z.object({
  columns: z.array(z.object({ code: z.string(), text: z.string(), type: z.string(), comment: z.string().optional() })),
  comments: z.array(z.object({ variable: z.string(), value: z.string(), comment: z.string() })).optional(),
  data: z.array(z.object({ key: z.array(z.string()), values: z.array(z.string()) })),
  metadata: z.array(z.object({ label: z.string().optional(), updated: z.string().optional() }).passthrough()).optional(),
});

/** v1 metadata (`GET` on a table): gives the texts that PX-JSON leaves out. */
const PxMetadata = z.object({
  title: z.string().optional(),
  variables: z.array(z.object({ code: z.string(), text: z.string(), values: z.array(z.string()), valueTexts: z.array(z.string()) })),
});
export type PxMetadata = z.infer<typeof PxMetadata>;

/**
 * v1 PX-JSON: `columns` (type d = variable, t = time, c = content), `data[{key, values}]`.
 * Keys are codes only: regions get names from the kommun list, other variables keep their codes
 * unless the table's v1 metadata is given. Each content column becomes a "tabellinnehåll" value.
 */
export function parsePxJson(json: unknown, kalla = "svaret", metadata?: unknown): ApiTable {
  const parsed = PxJson.safeParse(json);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, kalla, "Inte ett PX-JSON-svar från SCB"));
  const px = parsed.data;
  const meta = metadata === undefined ? undefined : PxMetadata.parse(metadata);
  const texts = new Map(meta?.variables.map((v) => [v.code, new Map(v.values.map((c, i) => [c, v.valueTexts[i] ?? c]))]));
  const keyCols = px.columns.filter((c) => c.type !== "c");
  const contents = px.columns.filter((c) => c.type === "c");
  const regionAt = keyCols.findIndex((c) => /^region$/i.test(c.code));
  const timeAt = keyCols.findIndex((c) => c.type === "t");
  if (timeAt < 0) throw new InputError([{ plats: kalla, meddelande: "Svaret saknar en tidskolumn (type t)." }]);
  const other = keyCols.map((_, i) => i).filter((i) => i !== regionAt && i !== timeAt);
  const labels = [...other.map((i) => keyCols[i].text), "tabellinnehåll"];
  const problems: InputProblem[] = [];
  const rows: TidyRow[] = [];
  px.data.forEach((d, r) => {
    if (d.key.length !== keyCols.length || d.values.length !== contents.length) {
      problems.push({ plats: `${kalla}, data[${r}]`, meddelande: `Väntade ${keyCols.length} nycklar och ${contents.length} värden.` });
      return;
    }
    const base: Record<string, string> = {};
    other.forEach((i, j) => (base[labels[j]] = texts.get(keyCols[i].code)?.get(d.key[i]) ?? d.key[i]));
    const kod = regionAt < 0 ? "00" : d.key[regionAt];
    const region = texts.get(keyCols[regionAt]?.code)?.get(kod) ?? regionNameForCode(kod) ?? kod;
    const period = parsePeriod(d.key[timeAt])?.kod ?? d.key[timeAt];
    contents.forEach((c, j) => {
      const v = parseScbValue(d.values[j]);
      if (v === undefined) problems.push({ plats: `${kalla}, data[${r}].values[${j}]`, meddelande: `"${d.values[j]}" är inget tal.` });
      else if (v.inexakt) problems.push({ plats: `${kalla}, data[${r}].values[${j}]`, meddelande: v.inexakt });
      else rows.push({ regionkod: kod, region, dimensions: { ...base, tabellinnehåll: c.text }, period, varde: v.varde, status: v.status });
    });
  });
  if (problems.length > 0) throw new InputError(problems.slice(0, 20));
  const notes = [
    ...px.columns.filter((c) => c.comment).map((c) => `${c.text}: ${c.comment!.trim()}`),
    ...(px.comments ?? []).map((c) => `${c.variable} ${c.value}: ${c.comment.trim()}`),
  ];
  return { rows, dimensions: labels, notes, meta: { title: px.metadata?.[0]?.label ?? meta?.title, updated: px.metadata?.[0]?.updated } };
}
