/** SCB PxWebApi client: see client.ts (ScbClient v2, ScbV1Client) and fetchDataset.ts (split, queue, merge). */
export { ScbClient, ScbV1Client, SCB_V2_BASE, SCB_V1_BASE, SCB_DEFAULT_RATE_LIMIT } from "./client";
export type { ScbClientOptions, SearchOptions, DataSelection } from "./client";
export { fetchDataset } from "./fetchDataset";
export type { FetchDatasetOptions, FetchedDataset, FetchReport, Progress, TableApi } from "./fetchDataset";
export { ScbApiError } from "./errors";
export type { ScbErrorKind } from "./errors";
export { RateLimiter, realClock, parseRetryAfter } from "./rateLimiter";
export type { Clock, RateLimit } from "./rateLimiter";
export { planRequests, planBatches, populationPlanExample } from "./planRequests";
export type { RequestPlan, PlanDimension } from "./planRequests";
export { mergeDatasets } from "./merge";
export { resolveSelection } from "./selection";
export type { SelectionInput, VariableSelection, ResolvedSelection } from "./selection";
export type { TableMetadata, MetaVariable, MetaValue } from "./metadata";
export type { ApiConfig, Codelist, JsonStatDataset, TableInfo, TablesPage } from "./schemas";
export * from "./datasets";
