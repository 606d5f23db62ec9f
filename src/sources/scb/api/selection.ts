import { InputError, InputProblem } from "../../../domain/errors";
import { MetaValue, TableMetadata } from "./metadata";
import { Codelist } from "./schemas";

/**
 * What the user asks for: per variable code, value codes. An entry may be a code, `*` (all
 * values), or a pattern with `*`/`?` ("01*"). Variables left out are eliminated (SCB sums them
 * away); leaving out one that cannot be eliminated is an error.
 */
export type SelectionInput = Record<string, readonly string[] | "*">;

export interface ResolvedVariable {
  code: string;
  label: string;
  codelist?: string;
  /** Selected values in the table's (or codelist's) order. */
  values: MetaValue[];
}

export interface ResolvedSelection {
  table: string;
  /** Selected variables in the table's order. */
  variables: ResolvedVariable[];
  /** Variables left out (SCB eliminates them). */
  eliminated: string[];
  cells: number;
}

/** One request's selection, in PxWebApi 2's body shape. */
export interface VariableSelection {
  variableCode: string;
  codelist?: string;
  valueCodes: string[];
}

function globToRegExp(glob: string): RegExp {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${esc}$`);
}

/**
 * Resolves a selection against the table's metadata (and the codelists it names) to explicit
 * codes in table order, so requests can be split and merged predictably. Throws InputError
 * (Swedish, naming the variable) for unknown variables or values, empty selections and
 * variables that must be chosen.
 */
export async function resolveSelection(
  meta: TableMetadata,
  input: SelectionInput,
  opts: { codelists?: Record<string, string>; getCodelist?: (id: string) => Promise<Codelist> } = {},
): Promise<ResolvedSelection> {
  const problems: InputProblem[] = [];
  const plats = `tabell ${meta.id}`;
  const known = new Set(meta.variables.map((v) => v.code));
  for (const code of [...Object.keys(input), ...Object.keys(opts.codelists ?? {})]) {
    if (!known.has(code)) {
      problems.push({ plats, meddelande: `Variabeln ${code} finns inte i tabellen (den har ${meta.variables.map((v) => v.code).join(", ")}).` });
    }
  }
  const variables: ResolvedVariable[] = [];
  const eliminated: string[] = [];
  for (const v of meta.variables) {
    const spec = input[v.code];
    if (spec === undefined) {
      if (v.elimination) eliminated.push(v.code);
      else problems.push({ plats, meddelande: `Variabeln ${v.code} (${v.label}) måste väljas – SCB kan inte summera bort den.` });
      continue;
    }
    const codelistId = opts.codelists?.[v.code];
    let available: MetaValue[] = v.values;
    if (codelistId && opts.getCodelist) {
      const cl = await opts.getCodelist(codelistId);
      available = cl.values.map((x) => ({ code: x.code, label: x.label }));
    } else if (codelistId) {
      // v1 filters (agg:…, vs:…): the API cannot list their values, so the codes are taken as given.
      if (spec === "*" || spec.some((c) => /[*?]/.test(c))) {
        problems.push({ plats, meddelande: `Med kodlistan ${codelistId} måste variabeln ${v.code} (${v.label}) få koderna uppräknade.` });
        continue;
      }
      available = [...new Set(spec)].map((c) => ({ code: c, label: c }));
    }
    const chosen = new Set<string>();
    for (const item of spec === "*" ? ["*"] : spec) {
      if (/[*?]/.test(item)) {
        const re = globToRegExp(item);
        const hits = available.filter((x) => re.test(x.code));
        if (hits.length === 0) problems.push({ plats, meddelande: `Mönstret ${item} matchar inget värde i variabeln ${v.code} (${v.label}).` });
        hits.forEach((x) => chosen.add(x.code));
      } else if (available.some((x) => x.code === item)) chosen.add(item);
      else {
        problems.push({
          plats,
          meddelande: `Värdet ${item} finns inte i variabeln ${v.code} (${v.label})${codelistId ? ` med kodlistan ${codelistId}` : ""}.`,
        });
      }
    }
    if (chosen.size === 0 && spec !== "*" && spec.length === 0) {
      problems.push({ plats, meddelande: `Inga värden valda i variabeln ${v.code} (${v.label}).` });
    }
    variables.push({ code: v.code, label: v.label, codelist: codelistId, values: available.filter((x) => chosen.has(x.code)) });
  }
  if (problems.length > 0) throw new InputError(problems);
  const cells = variables.reduce((n, v) => n * v.values.length, 1);
  return { table: meta.id, variables, eliminated, cells };
}
