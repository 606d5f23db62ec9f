/**
 * The request context and the proxy base class of the Excel fake: the part that makes it behave like
 * Office.js rather than like a plain object model.
 *
 * - A proxy knows only what was loaded into it (or what the add-in itself assigned in this context);
 *   any other property read throws PropertyNotLoaded.
 * - Property writes and method calls are queued as statements and applied to the workbook only at
 *   context.sync(), in order; the first failing statement rejects the sync (earlier ones stay applied,
 *   as in Excel) and the loads of that sync are not delivered.
 * - Each sync with queued statements is one request: counted, and its size measured as the UTF-8
 *   length of the JSON of its statements (with the 2-D arrays written). Over the limit it is refused.
 */
import { FakeOfficeError, propertyNotLoaded } from "./fakeErrors";
import type { BookModel } from "./fakeBook";
import type { FormulaEvaluator } from "./fakeRangeOps";

export interface SyncStats {
  /** Requests sent (context.sync() calls that had something queued, including Excel.run's final one). */
  syncs: number;
  /** Estimated request size of each of those syncs, in bytes. */
  payloadBytes: number[];
}

/** What all contexts of one fake workbook share. */
export interface FakeEnvironment {
  book: BookModel;
  stats: SyncStats;
  payloadLimitBytes: number;
  apiSupported(version: string): boolean;
  evaluate: FormulaEvaluator;
  /** Number of the batch being run: every sync that carries statements counts (never reset). */
  batch: number;
  /** Excel on the web's known quirk (office-js#930): a sheet activated in the batch that added it is not activated. */
  activateIgnoredInAddingBatch: boolean;
}

export interface LoadOutcome {
  response: unknown;
  commit(): void;
}

interface QueuedStatement {
  statement: unknown;
  minApi?: string;
  run(): LoadOutcome | void;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export class FakeRequestContext {
  private queue: QueuedStatement[] = [];
  /** Set when the Excel.run that created this context has finished. */
  closed = false;
  readonly workbook: unknown;

  constructor(
    readonly env: FakeEnvironment,
    makeWorkbook: (ctx: FakeRequestContext) => unknown,
  ) {
    this.workbook = makeWorkbook(this);
  }

  enqueue(statement: QueuedStatement): void {
    this.queue.push(statement);
  }

  get pendingStatements(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const batch = this.queue;
    this.queue = [];
    if (this.closed) {
      throw new FakeOfficeError("InvalidObjectPath", "context.sync() on a context whose Excel.run has finished");
    }
    await Promise.resolve();
    if (batch.length === 0) return passThroughValue;

    const { stats, payloadLimitBytes } = this.env;
    const bytes = batch.reduce((sum, s) => sum + utf8Length(JSON.stringify(s.statement)) + 1, 2);
    stats.syncs++;
    this.env.batch++;
    stats.payloadBytes.push(bytes);
    if (bytes > payloadLimitBytes) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${bytes} bytes > limit of ${payloadLimitBytes}`,
      );
    }

    const outcomes: LoadOutcome[] = [];
    for (const s of batch) {
      try {
        if (s.minApi && !this.env.apiSupported(s.minApi)) {
          throw new FakeOfficeError("ApiNotFound", `needs ExcelApi ${s.minApi}`);
        }
        const outcome = s.run();
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        if (error instanceof FakeOfficeError) error.debugInfo.statement = JSON.stringify(s.statement).slice(0, 300);
        throw error;
      }
    }
    const responseBytes = outcomes.reduce((sum, o) => sum + utf8Length(JSON.stringify(o.response) ?? ""), 0);
    if (responseBytes > payloadLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
    }
    for (const o of outcomes) o.commit();
    return passThroughValue;
  }
}

/** A parsed load() argument: leaf names are scalars or navigation properties (then loaded whole). */
export interface LoadTree {
  all: boolean;
  props: Map<string, LoadTree | null>;
}

export const LOAD_ALL: LoadTree = { all: true, props: new Map() };

export function parseLoad(spec: unknown): LoadTree {
  if (spec === undefined) return LOAD_ALL;
  let paths: string[];
  if (typeof spec === "string") paths = spec.split(",");
  else if (Array.isArray(spec) && spec.every((p) => typeof p === "string")) paths = spec;
  else throw new FakeOfficeError("FakeNotSupported", "load() accepts a string or an array of strings here");
  const root: LoadTree = { all: false, props: new Map() };
  for (const raw of paths) {
    const parts = raw
      .trim()
      .split("/")
      .map((p) => p.trim());
    if (parts.some((p) => p === "")) throw new FakeOfficeError("InvalidArgument", `bad load path "${raw}"`);
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (!node.props.has(part)) node.props.set(part, null);
        return;
      }
      let child = node.props.get(part);
      if (!child) {
        child = { all: false, props: new Map() };
        node.props.set(part, child);
      }
      node = child;
    });
  }
  return root;
}

export type Readers<E> = Record<string, (entity: E) => unknown>;

/** What a parent needs from a navigation property or collection item to load it. */
export interface Loadable {
  readonly path: string;
  readonly context: FakeRequestContext;
  runLoad(tree: LoadTree): LoadOutcome;
}

function snapshot(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export abstract class FakeClientObject<E> implements Loadable {
  private bound: E | null | undefined = undefined;
  private readonly known = new Map<string, unknown>();
  private nullState: boolean | undefined = undefined;
  /** ExcelApi version every statement on this object needs. */
  protected readonly minApi: string | undefined = undefined;

  protected constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
    private readonly resolver: () => E | null,
  ) {}

  /** The Office.js type name, used in error locations ("Range", "Worksheet", ...). */
  protected abstract readonly typeName: string;
  protected abstract readers(): Readers<E>;
  protected navigation(_name: string): Loadable | undefined {
    return undefined;
  }
  protected isAlive(_entity: E): boolean {
    return true;
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject", this.typeName);
    return this.nullState;
  }

  /** At sync time: the workbook object this proxy stands for, or null for a null object. */
  resolveOrNull(): E | null {
    if (this.bound !== undefined && this.bound !== null) {
      if (!this.isAlive(this.bound)) {
        throw new FakeOfficeError("ItemNotFound", `${this.path} no longer exists`);
      }
      return this.bound;
    }
    this.bound = this.resolver();
    return this.bound;
  }

  resolveEntity(): E {
    const entity = this.resolveOrNull();
    if (entity === null) throw new FakeOfficeError("ItemNotFound", `${this.path} is a null object`);
    return entity;
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.enqueue({
      statement: { path: this.path, load: spec ?? "*" },
      minApi: this.minApi,
      run: () => this.runLoad(tree),
    });
    return this;
  }

  runLoad(tree: LoadTree): LoadOutcome {
    if (this.minApi && !this.ctx.env.apiSupported(this.minApi)) {
      throw new FakeOfficeError("ApiNotFound", `${this.typeName} needs ExcelApi ${this.minApi}`);
    }
    const entity = this.resolveOrNull();
    if (entity === null) {
      return { response: { isNull: true }, commit: () => (this.nullState = true) };
    }
    const readers = this.readers();
    const values = new Map<string, unknown>();
    const children: LoadOutcome[] = [];
    const response: Record<string, unknown> = {};
    const wanted = new Map(tree.props);
    if (tree.all) for (const name of Object.keys(readers)) if (!wanted.has(name)) wanted.set(name, null);
    for (const [name, sub] of wanted) {
      const reader = readers[name];
      if (sub === null && reader) {
        const value = snapshot(reader(entity));
        values.set(name, value);
        response[name] = value;
        continue;
      }
      const child = this.navigation(name);
      if (!child) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${name}" to load`);
      const outcome = child.runLoad(sub ?? LOAD_ALL);
      children.push(outcome);
      response[name] = outcome.response;
    }
    return {
      response,
      commit: () => {
        this.nullState = false;
        for (const [k, v] of values) this.known.set(k, v);
        for (const c of children) c.commit();
      },
    };
  }

  /** For collections: items loaded by their own runLoad. */
  protected remember(name: string, value: unknown): void {
    this.known.set(name, value);
  }

  protected markLoaded(): void {
    this.nullState = false;
  }

  protected read<T>(name: string): T {
    if (this.known.has(name)) return this.known.get(name) as T;
    if (this.nullState === true) return undefined as T;
    throw propertyNotLoaded(name, this.typeName);
  }

  protected assign(name: string, value: unknown, apply: (entity: E) => void, minApi?: string): void {
    this.known.set(name, value);
    this.ctx.enqueue({
      statement: { path: this.path, set: name, value },
      minApi: minApi ?? this.minApi,
      run: () => apply(this.writable(name, this.resolveEntity())),
    });
  }

  protected invoke(method: string, args: unknown[], apply: (entity: E) => void, minApi?: string): void {
    this.ctx.enqueue({
      statement: { path: this.path, call: method, args: args.map(argumentJson) },
      minApi: minApi ?? this.minApi,
      run: () => apply(this.writable(method, this.resolveEntity())),
    });
  }

  /** Members that change nothing sheet protection guards (a worksheet's name, activation…); none by default. */
  protected allowedOnProtectedSheet(_member: string): boolean {
    return false;
  }

  /**
   * Excel refuses a change to a protected sheet's cells, formats, tables, validation, charts and layout with
   * AccessDenied (Worksheet.protection, ExcelApi 1.2); the sheet is the entity itself or the one it lives on.
   */
  private writable(member: string, entity: E): E {
    const sheet = protectedSheetOf(entity);
    if (sheet && !this.allowedOnProtectedSheet(member)) {
      throw new FakeOfficeError("AccessDenied", `${this.path}.${member}: the sheet "${sheet.name}" is protected`);
    }
    return entity;
  }

  /** Office.js refuses (synchronously) proxies that belong to another context. */
  protected sameContext(other: Loadable): void {
    if (other.context !== this.ctx) throw new FakeOfficeError("InvalidRequestContext", other.path);
  }
}

interface ProtectableSheet {
  name: string;
  protected: boolean;
}

function isProtectableSheet(v: unknown): v is ProtectableSheet {
  return typeof v === "object" && v !== null && typeof (v as ProtectableSheet).protected === "boolean" && typeof (v as ProtectableSheet).name === "string";
}

/** The protected sheet an entity is, or lives on (a range, table, chart or layout: `entity.sheet`); else null. */
function protectedSheetOf(entity: unknown): ProtectableSheet | null {
  const sheet = isProtectableSheet(entity) ? entity : typeof entity === "object" && entity !== null ? (entity as { sheet?: unknown }).sheet : null;
  return isProtectableSheet(sheet) && sheet.protected ? sheet : null;
}

function argumentJson(arg: unknown): unknown {
  return arg instanceof FakeClientObject ? { ref: arg.path } : arg;
}

/** A collection proxy: `items` after load, each item a proxy bound to one workbook object. */
export abstract class FakeCollection<Owner, Item extends Loadable> extends FakeClientObject<Owner> {
  /** Fresh proxies for the current members, bound to them. */
  protected abstract members(owner: Owner): Item[];

  get items(): Item[] {
    return this.read<Item[]>("items");
  }

  protected readers(): Readers<Owner> {
    return {};
  }

  runLoad(tree: LoadTree): LoadOutcome {
    const owner = this.resolveEntity();
    // Office.js reads load("name") on a collection as load("items/name").
    const itemsSub = tree.props.get("items");
    const others = [...tree.props].filter(([k]) => k !== "items");
    let itemTree: LoadTree = LOAD_ALL;
    if (!tree.all && tree.props.size > 0) {
      const base: LoadTree =
        itemsSub === undefined ? { all: false, props: new Map() } : itemsSub === null ? LOAD_ALL : itemsSub;
      itemTree = others.length > 0 ? { all: base.all, props: new Map([...base.props, ...others]) } : base;
    }
    const items = this.members(owner);
    const outcomes = items.map((item) => item.runLoad(itemTree));
    return {
      response: { items: outcomes.map((o) => o.response) },
      commit: () => {
        this.markLoaded();
        for (const o of outcomes) o.commit();
        this.remember("items", items);
      },
    };
  }
}
