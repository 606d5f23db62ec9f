import { z } from "zod";

/**
 * zod schemas for what SCB's PxWebApi 2.0 (and, for a few tables, v1) sends back. They follow the
 * OpenAPI spec PxAPI-2.yml (PxTools/PxApiSpecs v2.2.0) and the recorded live responses in
 * test/fixtures/scb. They are lenient about fields we do not use (passthrough, optional) and
 * strict about what the client depends on: the limits in /config, the json-stat2 structure
 * (id/size/dimension/value agree) and codelist value maps.
 */

// ---- /config -------------------------------------------------------------------------------
export const ConfigSchema = z
  .object({
    apiVersion: z.string().optional(),
    appVersion: z.string().optional(),
    languages: z.array(z.object({ id: z.string(), label: z.string() }).passthrough()).optional(),
    defaultLanguage: z.string().optional(),
    maxDataCells: z.number().int().positive(),
    maxCallsPerTimeWindow: z.number().int().positive(),
    /** Seconds. */
    timeWindow: z.number().int().positive(),
    license: z.string().optional(),
    defaultDataFormat: z.string().optional(),
    dataFormats: z.array(z.string()).optional(),
  })
  .passthrough();
export type ApiConfig = z.infer<typeof ConfigSchema>;

/** v1 `?config`: `{"maxValues":110000,"maxCells":150000,"maxCalls":30,"timeWindow":10,"CORS":true}`. */
export const V1ConfigSchema = z
  .object({
    maxValues: z.number().int().positive().optional(),
    maxCells: z.number().int().positive(),
    maxCalls: z.number().int().positive(),
    timeWindow: z.number().int().positive(),
    CORS: z.boolean().optional(),
  })
  .passthrough();

// ---- /tables, /tables/{id} -----------------------------------------------------------------
const Link = z.object({ rel: z.string(), hreflang: z.string().optional(), href: z.string() }).passthrough();
const PathElement = z.object({ id: z.string(), label: z.string(), sortCode: z.string().optional() }).passthrough();

export const TableSchema = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    description: z.string().nullable().optional(),
    sortCode: z.string().optional(),
    updated: z.string().nullable(),
    firstPeriod: z.string().nullable(),
    lastPeriod: z.string().nullable(),
    category: z.string().optional(),
    variableNames: z.array(z.string()),
    discontinued: z.boolean().nullable().optional(),
    source: z.string().optional(),
    subjectCode: z.string().optional(),
    timeUnit: z.string().optional(),
    paths: z.array(z.array(PathElement)).optional(),
    links: z.array(Link).nullable().optional(),
  })
  .passthrough();
export type TableInfo = z.infer<typeof TableSchema>;

export const TableResponseSchema = TableSchema.extend({ language: z.string() });

export const TablesResponseSchema = z
  .object({
    language: z.string(),
    tables: z.array(TableSchema),
    page: z
      .object({
        pageNumber: z.number().int(),
        pageSize: z.number().int(),
        totalElements: z.number().int(),
        totalPages: z.number().int(),
        links: z.array(Link).optional(),
      })
      .passthrough(),
    links: z.array(Link).optional(),
  })
  .passthrough();
export type TablesPage = z.infer<typeof TablesResponseSchema>;

// ---- json-stat2 (metadata with value: [] and data) -----------------------------------------
const CodelistInfo = z
  .object({ id: z.string(), label: z.string(), type: z.string(), links: z.array(Link).optional() })
  .passthrough();

const DimensionSchema = z
  .object({
    label: z.string().optional(),
    note: z.array(z.string()).optional(),
    category: z
      .object({
        index: z.union([z.record(z.number().int().nonnegative()), z.array(z.string())]).optional(),
        label: z.record(z.string()).optional(),
      })
      .passthrough(),
    extension: z
      .object({
        elimination: z.boolean().optional(),
        eliminationValueCode: z.string().optional(),
        show: z.string().optional(),
        codelists: z.array(CodelistInfo).optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type JsonStatDimension = z.infer<typeof DimensionSchema>;

const StatusSchema = z.union([z.string(), z.array(z.string().nullable()), z.record(z.string())]);

const DatasetBase = z
  .object({
    version: z.string().optional(),
    class: z.literal("dataset"),
    label: z.string().optional(),
    source: z.string().optional(),
    updated: z.string().optional(),
    note: z.array(z.string()).optional(),
    role: z
      .object({
        time: z.array(z.string()).optional(),
        geo: z.array(z.string()).optional(),
        metric: z.array(z.string()).optional(),
      })
      .passthrough()
      .optional(),
    id: z.array(z.string()).min(1),
    size: z.array(z.number().int().nonnegative()),
    dimension: z.record(DimensionSchema),
    extension: z
      .object({ px: z.object({ tableid: z.string().optional() }).passthrough().optional() })
      .passthrough()
      .optional(),
    value: z.array(z.number().nullable()).nullable(),
    status: StatusSchema.nullable().optional(),
  })
  .passthrough();

/** Codes of a json-stat category in position order (by index value, never by key order). */
export function categoryCodes(dim: JsonStatDimension): string[] | null {
  const { index, label } = dim.category;
  if (Array.isArray(index)) return index;
  if (index) {
    const codes = new Array<string | undefined>(Object.keys(index).length);
    for (const [code, pos] of Object.entries(index)) {
      if (pos >= codes.length || codes[pos] !== undefined) return null;
      codes[pos] = code;
    }
    return codes as string[];
  }
  if (label && Object.keys(label).length === 1) return Object.keys(label);
  return null;
}

function checkStructure(ds: z.infer<typeof DatasetBase>, ctx: z.RefinementCtx, withValues: boolean): void {
  if (ds.id.length !== ds.size.length) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["size"], message: `id har ${ds.id.length} dimensioner men size ${ds.size.length}` });
    return;
  }
  ds.id.forEach((id, i) => {
    const dim = ds.dimension[id];
    if (!dim) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dimension", id], message: `dimensionen ${id} saknas` });
      return;
    }
    const codes = categoryCodes(dim);
    if (!codes) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dimension", id, "category", "index"], message: "ogiltigt category.index" });
    else if (codes.length !== ds.size[i]) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["dimension", id, "category"],
        message: `${codes.length} kategorier men size säger ${ds.size[i]}`,
      });
    }
  });
  if (withValues) {
    const total = ds.size.reduce((a, b) => a * b, 1);
    const n = ds.value?.length ?? 0;
    if (n !== total) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: `${n} värden men size ger ${total}` });
  }
}

/** `GET /tables/{id}/metadata`: json-stat2 with `value: []`. */
export const MetadataDatasetSchema = DatasetBase.superRefine((ds, ctx) => checkStructure(ds, ctx, false));
/** `POST /tables/{id}/data?outputFormat=json-stat2`: one value per cell. */
export const DataDatasetSchema = DatasetBase.superRefine((ds, ctx) => checkStructure(ds, ctx, true));
export type JsonStatDataset = z.infer<typeof DatasetBase>;

// ---- /codelists/{id} -----------------------------------------------------------------------
export const CodelistSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    language: z.string().optional(),
    languages: z.array(z.string()).optional(),
    elimination: z.boolean().optional(),
    eliminationValueCode: z.string().optional(),
    type: z.enum(["Aggregation", "Valueset"]),
    values: z.array(
      z
        .object({
          code: z.string(),
          label: z.string(),
          valueMap: z.array(z.string()),
          notes: z.array(z.object({ text: z.string() }).passthrough()).optional(),
        })
        .passthrough(),
    ),
    links: z.array(Link).optional(),
  })
  .passthrough();
export type Codelist = z.infer<typeof CodelistSchema>;

// ---- RFC 7807 problem ----------------------------------------------------------------------
export const ProblemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().int().optional(),
    detail: z.string().optional(),
    instance: z.string().optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof ProblemSchema>;

// ---- v1 metadata ---------------------------------------------------------------------------
export const V1MetadataSchema = z
  .object({
    title: z.string(),
    variables: z.array(
      z
        .object({
          code: z.string(),
          text: z.string(),
          values: z.array(z.string()),
          valueTexts: z.array(z.string()),
          elimination: z.boolean().optional(),
          time: z.boolean().optional(),
        })
        .passthrough()
        .refine((v) => v.values.length === v.valueTexts.length, { message: "values och valueTexts har olika längd" }),
    ),
  })
  .passthrough();
