import { sameSheetName } from "../../domain/excelNames";
import type { SettingsStore, SheetState, WorkbookHost, WriteReport } from "../../hosts/host";
import { notOwnedMessage } from "../../hosts/preflight";
import type { Cell, ReadValue, SheetSpec } from "../../sheets/spec";

/**
 * A workbook seen through the pack's steps before anything is written: every job runs against it as
 * against the real workbook, but its writes are kept as specs (in order, a rewrite replacing the earlier
 * spec), and a later step reads a staged sheet's tables from the spec (a formula by its expected value).
 * Sheets not staged are read from the real workbook, except that none counts as edited here: the one
 * keep-a-copy/overwrite decision is made for all of the pack's sheets when they are committed.
 * So a failing step leaves the real workbook untouched.
 *
 * Where the real host can look at the whole workbook at once (inspectWorkbook), lookAtWorkbook does so
 * before the steps, reading the tables the steps are known to ask for: then a sheet that is not there is
 * answered without a round trip, and so is every sheet already read.
 */
export class StagingHost implements WorkbookHost {
  private readonly staged: SheetSpec[] = [];
  /** What was read of the real workbook, by sheet name in lower case, with the tables asked for. */
  private readonly realReads = new Map<string, { state: SheetState; tablesAsked: string[] }>();
  /** Set by lookAtWorkbook: whether the workbook's structure is protected (then every sheet is in realReads). */
  private looked: { structureProtected: boolean } | null = null;

  constructor(private readonly real: WorkbookHost) {}

  /**
   * Reads the state of every sheet of the real workbook at once, with the tables asked for (false: the host
   * cannot, and sheets are read as the steps ask for them).
   */
  async lookAtWorkbook(tables: Array<{ sheetName: string; tableNames: string[] }>): Promise<boolean> {
    if (!this.real.inspectWorkbook) return false;
    const states = await this.real.inspectWorkbook(tables);
    for (const state of states) {
      const tablesAsked = [...new Set(tables.filter((t) => sameSheetName(t.sheetName, state.sheetName)).flatMap((t) => t.tableNames))];
      this.realReads.set(state.sheetName.toLowerCase(), { state, tablesAsked });
    }
    this.looked = { structureProtected: states.some((s) => s.structureProtected === true) };
    return true;
  }

  /** A sheet the look at the workbook did not find: known not to be there, without a round trip. */
  private knownAbsent(sheetName: string): SheetState | undefined {
    if (!this.looked || this.realReads.has(sheetName.toLowerCase())) return undefined;
    return { sheetName, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null, structureProtected: this.looked.structureProtected };
  }

  /** The staged sheets in the order they were first written. */
  get specs(): SheetSpec[] {
    return [...this.staged];
  }

  private find(name: string): SheetSpec | undefined {
    return this.staged.find((s) => sameSheetName(s.name, name));
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const spec = this.find(sheetName);
    if (spec) return stagedState(spec, tableNames);
    const absent = this.knownAbsent(sheetName);
    if (absent) return absent;
    // The real workbook does not change while staging: each sheet is read once (with all tables asked for).
    const cacheKey = sheetName.toLowerCase();
    const cached = this.realReads.get(cacheKey);
    const state = cached && tableNames.every((t) => cached.tablesAsked.includes(t)) ? cached.state : await this.readReal(sheetName, tableNames, cached?.tablesAsked ?? []);
    return { ...state, sheetName, editedSinceWritten: state.exists && state.ownedBySamkalk ? false : state.editedSinceWritten };
  }

  /** The real workbook's state of a sheet as the jobs read it, as the host reported it (undefined: never read). */
  realStateOf(sheetName: string): SheetState | undefined {
    return this.realReads.get(sheetName.toLowerCase())?.state ?? this.knownAbsent(sheetName);
  }

  /** Several states at once: the staged from their specs, the rest read from the real workbook together. */
  async inspectSheets(requests: Array<{ sheetName: string; tableNames: string[] }>): Promise<SheetState[]> {
    const toRead = requests.filter((r) => {
      if (this.find(r.sheetName) || this.knownAbsent(r.sheetName)) return false;
      const cached = this.realReads.get(r.sheetName.toLowerCase());
      return !cached || !r.tableNames.every((t) => cached.tablesAsked.includes(t));
    });
    if (toRead.length > 0 && this.real.inspectSheets) {
      const asked = toRead.map((r) => ({ sheetName: r.sheetName, tableNames: [...new Set([...(this.realReads.get(r.sheetName.toLowerCase())?.tablesAsked ?? []), ...r.tableNames])] }));
      const states = await this.real.inspectSheets(asked);
      asked.forEach((a, k) => this.realReads.set(a.sheetName.toLowerCase(), { state: states[k], tablesAsked: a.tableNames }));
    }
    const out: SheetState[] = [];
    for (const r of requests) out.push(await this.inspectSheet(r.sheetName, r.tableNames));
    return out;
  }

  private async readReal(sheetName: string, tableNames: string[], before: string[]): Promise<SheetState> {
    const tablesAsked = [...new Set([...before, ...tableNames])];
    const state = await this.real.inspectSheet(sheetName, tablesAsked);
    this.realReads.set(sheetName.toLowerCase(), { state, tablesAsked });
    return state;
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    if (state.exists && !state.ownedBySamkalk) throw new Error(notOwnedMessage(spec.name));
    const k = this.staged.findIndex((s) => sameSheetName(s.name, spec.name));
    if (k >= 0) this.staged[k] = spec;
    else this.staged.push(spec);
    return { sheetName: spec.name, syncs: 0, largestPayloadBytes: 0, created: !state.exists };
  }

  async keepAsUserCopy(sheetName: string): Promise<void> {
    // Never reached: no sheet counts as edited while staging (see the class note).
    throw new Error(`Bladet "${sheetName}" kan inte behållas som kopia innan paketet skrivs.`);
  }
}

/** Settings the pack's jobs store, kept until the pack is written (then stored in the real workbook). */
export class StagingStore implements SettingsStore {
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly real: SettingsStore | undefined) {}

  get(key: string): unknown {
    return this.pending.has(key) ? this.pending.get(key) : this.real?.get(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.pending.set(key, value);
  }

  /** Stores what the jobs stored, in the real workbook. */
  async commit(): Promise<void> {
    if (!this.real) return;
    for (const [k, v] of this.pending) await this.real.set(k, v);
  }
}

function readValue(c: Cell | undefined): ReadValue {
  if (!c) return null;
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return c.value;
    case "formula":
      return c.expected ?? null;
    default:
      return null;
  }
}

/** A staged sheet's state as the real workbook would report it right after the write. */
function stagedState(spec: SheetSpec, tableNames: string[]): SheetState {
  const tables: Record<string, ReadValue[][]> = {};
  const tableHeaders: Record<string, string[]> = {};
  const wanted = spec.tables.filter((t) => tableNames.includes(t.name));
  if (wanted.length > 0) {
    const at = cellGrid(spec);
    for (const t of wanted) {
      const { row, col, rows, cols } = t.range;
      const line = (r: number) => Array.from({ length: cols }, (_, c) => readValue(at.get(key(r, col + c))));
      tableHeaders[t.name] = line(row).map((v) => (v === null ? "" : String(v)));
      tables[t.name] = Array.from({ length: rows - 1 }, (_, k) => line(row + 1 + k));
    }
  }
  return { sheetName: spec.name, exists: true, ownedBySamkalk: true, tables, tableHeaders, editedSinceWritten: false };
}

const key = (r: number, c: number) => r * 16384 + c;

function cellGrid(spec: SheetSpec): Map<number, Cell> {
  const at = new Map<number, Cell>();
  for (const b of spec.blocks) b.cells.forEach((cells, r) => cells.forEach((c, k) => at.set(key(b.row + r, b.col + k), c)));
  return at;
}
