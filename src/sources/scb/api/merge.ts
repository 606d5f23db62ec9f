import { inconsistentBatchError, Target } from "./errors";
import { categoryCodes, JsonStatDataset } from "./schemas";

/**
 * Merges json-stat2 datasets that together cover one selection (the answers to a split request)
 * into one dataset, placing every value by its json-stat index (never by key or arrival order).
 * Every cell of the full cube must arrive exactly once; anything else (a missing cell, a cell
 * twice, a value nobody asked for, batches with different variables) is an error, so a merged
 * result is complete or there is none.
 *
 * `order` gives, per variable, the codes in the order the merged dataset should have them (the
 * table's order); variables not in it keep the order in which their codes first appear.
 */
export function mergeDatasets(parts: readonly JsonStatDataset[], target: Target, order: Record<string, readonly string[]> = {}): JsonStatDataset {
  if (parts.length === 0) throw inconsistentBatchError(target, "Inga delsvar att slå ihop.");
  const first = parts[0];
  const ids = first.id;
  const partCodes = parts.map((p, b) => {
    if (p.id.join("\u0000") !== ids.join("\u0000")) {
      throw inconsistentBatchError(target, `Delsvar ${b + 1} har variablerna ${p.id.join(", ")} men delsvar 1 har ${ids.join(", ")}.`);
    }
    return ids.map((id) => categoryCodes(p.dimension[id]) ?? []);
  });

  const codes: string[][] = ids.map((id, d) => {
    const wanted = order[id];
    if (wanted) return [...wanted];
    const seen = new Set<string>();
    partCodes.forEach((pc) => pc[d].forEach((c) => seen.add(c)));
    return [...seen];
  });
  const position = codes.map((cs) => new Map(cs.map((c, i) => [c, i])));
  const size = codes.map((cs) => cs.length);
  const total = size.reduce((a, b) => a * b, 1);
  const stride = new Array<number>(ids.length).fill(1);
  for (let d = ids.length - 2; d >= 0; d--) stride[d] = stride[d + 1] * size[d + 1];

  const value = new Array<number | null>(total).fill(null);
  const status: Record<string, string> = {};
  const filled = new Uint8Array(total);

  parts.forEach((p, b) => {
    const pc = partCodes[b];
    const map = pc.map((cs, d) =>
      cs.map((c) => {
        const at = position[d].get(c);
        if (at === undefined) throw inconsistentBatchError(target, `Delsvar ${b + 1} innehåller värdet ${c} i ${ids[d]}, som inte begärdes.`);
        return at;
      }),
    );
    const psize = pc.map((cs) => cs.length);
    const ptotal = psize.reduce((a, c) => a * c, 1);
    const pos = new Array<number>(ids.length).fill(0);
    for (let k = 0; k < ptotal; k++) {
      let flat = 0;
      for (let d = 0; d < ids.length; d++) flat += map[d][pos[d]] * stride[d];
      if (filled[flat]) throw inconsistentBatchError(target, `Cell ${describe(ids, codes, flat, stride)} kom i två delsvar.`);
      filled[flat] = 1;
      value[flat] = p.value?.[k] ?? null;
      const st = statusAt(p.status, k);
      if (st != null) status[String(flat)] = st;
      for (let d = ids.length - 1; d >= 0 && ++pos[d] === psize[d]; d--) pos[d] = 0;
    }
  });
  const missing = filled.reduce((n, f) => n + (f ? 0 : 1), 0);
  if (missing > 0) {
    const at = filled.indexOf(0);
    throw inconsistentBatchError(target, `Delsvaren saknar ${missing} av ${total} celler (t.ex. ${describe(ids, codes, at, stride)}).`);
  }

  const dimension: JsonStatDataset["dimension"] = {};
  ids.forEach((id, d) => {
    const label: Record<string, string> = {};
    const unit: Record<string, unknown> = {};
    for (const p of parts) {
      const cat = p.dimension[id].category;
      Object.assign(label, cat.label ?? {});
      Object.assign(unit, (cat as { unit?: Record<string, unknown> }).unit ?? {});
    }
    const base = first.dimension[id];
    dimension[id] = {
      ...base,
      category: {
        ...base.category,
        index: Object.fromEntries(codes[d].map((c, i) => [c, i])),
        label: Object.fromEntries(codes[d].map((c) => [c, label[c] ?? c])),
        ...(Object.keys(unit).length ? { unit } : {}),
      },
    };
  });
  const merged: JsonStatDataset = { ...first, id: [...ids], size, dimension, value };
  if (Object.keys(status).length > 0) merged.status = status;
  else delete merged.status;
  return merged;
}

function statusAt(status: JsonStatDataset["status"], k: number): string | null {
  if (status == null) return null;
  if (typeof status === "string") return status;
  if (Array.isArray(status)) return status[k] ?? null;
  return status[String(k)] ?? null;
}

function describe(ids: string[], codes: string[][], flat: number, stride: number[]): string {
  return ids.map((id, d) => `${id}=${codes[d][Math.floor(flat / stride[d]) % codes[d].length]}`).join(", ");
}
