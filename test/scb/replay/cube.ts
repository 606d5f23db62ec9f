import { categoryCodes, Codelist, JsonStatDataset } from "../../../src/sources/scb/api/schemas";

/**
 * A json-stat2 cube the replay server can answer from: either a recorded real response
 * (values in an array) or a synthetic generator (values computed per cell on demand).
 * `base` carries the dataset's top-level fields and every dimension's full category list.
 */
export interface Cube {
  base: JsonStatDataset;
  ids: string[];
  codes: string[][];
  valueAt(pos: readonly number[]): number | null;
  /** Codes the table has but this cube has no values for (a recording covers only part of a table). */
  tableCodes?: Record<string, readonly string[]>;
}

export function cubeFromDataset(ds: JsonStatDataset, tableCodes?: Record<string, readonly string[]>): Cube {
  const codes = ds.id.map((id) => categoryCodes(ds.dimension[id]) ?? []);
  const stride = strides(codes.map((c) => c.length));
  const values = ds.value ?? [];
  return {
    base: ds,
    ids: ds.id,
    codes,
    valueAt: (pos) => values[pos.reduce((s, p, d) => s + p * stride[d], 0)] ?? null,
    tableCodes,
  };
}

export function strides(size: readonly number[]): number[] {
  const s = new Array<number>(size.length).fill(1);
  for (let d = size.length - 2; d >= 0; d--) s[d] = s[d + 1] * size[d + 1];
  return s;
}

export interface DimRequest {
  variableCode: string;
  valueCodes: readonly string[];
  /** The codelist named in the request, when the server knows it. */
  codelist?: Codelist;
  codelistId?: string;
}

export interface SubsetError {
  status: number;
  title: string;
  detail: string;
  type?: string;
}

/** Output cells a request would give (before computing anything); an error for unknown variables. */
export function countCells(cube: Cube, request: readonly DimRequest[]): number | SubsetError {
  const known = new Set(cube.ids);
  for (const r of request) {
    if (!known.has(r.variableCode)) return badRequest(`Variable ${r.variableCode} does not exist in the table`);
  }
  return request.reduce((n, r) => n * new Set(r.valueCodes).size, 1);
}

function badRequest(detail: string, type?: string): SubsetError {
  return { status: 400, title: "Bad Request", detail, ...(type ? { type } : {}) };
}

/**
 * Cuts a cube down to a request the way PxWebApi answers a data POST: selected variables keep
 * the selected codes (in the table's order, or the codelist's), aggregation codelists sum their
 * valueMap, and variables left out are eliminated (the elimination value, or the sum over all
 * values) and dropped from the result. Size, index and value are recomputed.
 */
export function subsetCube(cube: Cube, request: readonly DimRequest[]): JsonStatDataset | SubsetError {
  const byCode = new Map(request.map((r) => [r.variableCode, r]));
  const known = new Set(cube.ids);
  for (const r of request) if (!known.has(r.variableCode)) return badRequest(`Variable ${r.variableCode} does not exist in the table`);

  // Per source dimension: the output codes (null = eliminated) and, per output code, the source positions to sum.
  const plan: { id: string; out: { code: string; label: string; from: number[] }[] | null; fixed: number[] }[] = [];
  for (let d = 0; d < cube.ids.length; d++) {
    const id = cube.ids[d];
    const dim = cube.base.dimension[id];
    const pos = new Map(cube.codes[d].map((c, i) => [c, i]));
    const req = byCode.get(id);
    const tableCodes = new Set(cube.tableCodes?.[id] ?? cube.codes[d]);
    const missing = (c: string): SubsetError =>
      tableCodes.has(c)
        ? badRequest(`Replay: no recorded data for ${id}=${c}`, "urn:samkalk:replay:not-recorded")
        : badRequest(`Value, ${c} is not a valid value code for variable ${id}`);
    if (!req) {
      const ext = dim.extension;
      if (!ext?.elimination) return badRequest(`Variable ${id} must be selected (it cannot be eliminated)`);
      // Without an elimination value SCB sums the variable away. A total among the values (TAB638's
      // Alder "tot") is that sum already, so it is used instead of being added in twice.
      const total = ext.eliminationValueCode ?? cube.codes[d].find((c) => /^tot/i.test(c) || /^totalt/i.test(dim.category.label?.[c] ?? ""));
      if (total !== undefined) {
        const at = pos.get(total);
        if (at === undefined) return missing(total);
        plan.push({ id, out: null, fixed: [at] });
      } else plan.push({ id, out: null, fixed: cube.codes[d].map((_, i) => i) });
      continue;
    }
    const wanted = new Set(req.valueCodes);
    if (req.codelistId && !req.codelist) return badRequest(`Replay: unknown codelist ${req.codelistId}`, "urn:samkalk:replay:not-recorded");
    if (req.codelist) {
      const out: { code: string; label: string; from: number[] }[] = [];
      for (const v of req.codelist.values) {
        if (!wanted.has(v.code)) continue;
        const from: number[] = [];
        for (const c of v.valueMap) {
          const at = pos.get(c);
          if (at === undefined) return missing(c);
          from.push(at);
        }
        out.push({ code: v.code, label: v.label, from });
      }
      for (const c of wanted) if (!req.codelist.values.some((v) => v.code === c)) return badRequest(`Value, ${c} is not a valid value code for variable ${id}`);
      plan.push({ id, out, fixed: [] });
    } else {
      for (const c of wanted) if (!pos.has(c)) return missing(c);
      const out = cube.codes[d].filter((c) => wanted.has(c)).map((c) => ({ code: c, label: dim.category.label?.[c] ?? c, from: [pos.get(c)!] }));
      plan.push({ id, out, fixed: [] });
    }
  }

  const kept = plan.filter((p) => p.out !== null);
  const size = kept.map((p) => p.out!.length);
  const total = size.reduce((a, b) => a * b, 1);
  const value = new Array<number | null>(total);
  const outPos = new Array<number>(kept.length).fill(0);
  // For each output cell, sum over the cartesian product of source positions.
  const choices = new Array<number[]>(plan.length);
  const src = new Array<number>(plan.length).fill(0);
  for (let k = 0; k < total; k++) {
    let j = 0;
    for (let d = 0; d < plan.length; d++) choices[d] = plan[d].out ? plan[d].out![outPos[j++]].from : plan[d].fixed;
    let sum: number | null = 0;
    const idx = new Array<number>(plan.length).fill(0);
    for (;;) {
      for (let d = 0; d < plan.length; d++) src[d] = choices[d][idx[d]];
      const v = cube.valueAt(src);
      sum = v === null || sum === null ? null : sum + v;
      if (sum === null) break;
      let d = plan.length - 1;
      for (; d >= 0 && ++idx[d] === choices[d].length; d--) idx[d] = 0;
      if (d < 0) break;
    }
    value[k] = sum === null ? null : Math.round(sum * 1e6) / 1e6;
    for (let d = kept.length - 1; d >= 0 && ++outPos[d] === size[d]; d--) outPos[d] = 0;
  }

  const dimension: JsonStatDataset["dimension"] = {};
  for (const p of kept) {
    const base = cube.base.dimension[p.id];
    const ext = base.extension ? { ...base.extension } : undefined;
    if (ext) {
      delete ext.codelists;
      delete (ext as Record<string, unknown>).categoryNoteMandatory;
    }
    const unit = (base.category as { unit?: Record<string, unknown> }).unit;
    dimension[p.id] = {
      ...base,
      ...(ext ? { extension: ext } : {}),
      category: {
        index: Object.fromEntries(p.out!.map((o, i) => [o.code, i])),
        label: Object.fromEntries(p.out!.map((o) => [o.code, o.label])),
        ...(unit ? { unit: Object.fromEntries(p.out!.filter((o) => unit[o.code]).map((o) => [o.code, unit[o.code]])) } : {}),
      },
    };
  }
  const ids = kept.map((p) => p.id);
  const role = cube.base.role
    ? Object.fromEntries(Object.entries(cube.base.role).map(([k, v]) => [k, (v as string[]).filter((x) => ids.includes(x))]).filter(([, v]) => (v as string[]).length > 0))
    : undefined;
  const out: JsonStatDataset = {
    version: cube.base.version ?? "2.0",
    class: "dataset",
    label: cube.base.label,
    source: cube.base.source,
    updated: cube.base.updated,
    ...(cube.base.note ? { note: cube.base.note } : {}),
    ...(role && Object.keys(role).length ? { role } : {}),
    id: ids,
    size,
    dimension,
    ...(cube.base.extension ? { extension: cube.base.extension } : {}),
    value,
  };
  return out;
}
