/**
 * The live SCB client (src/sources/scb/api) as the SCB use cases' fetch seam (FetchRows): one adapter
 * per dataset Samkalk fetches (populationAdapter, helarsekvivalenterAdapter, tableAdapter), each in
 * its own module and re-exported here with the client registry, regions and the table picker.
 * Each adapter reports progress by batch, honours the AbortSignal, and returns the whole table or
 * throws (ScbApiError / InputError, Swedish): nothing is written until every batch has arrived.
 */
export { DEFAULT_SCB_BASE_URL, normaliseBaseUrl } from "./fetchSettings";
export { scbClientFor, sharedRateLimiter } from "./clientRegistry";
export type { AdapterOptions } from "./adapterSupport";
export { kommunProblems, regionCodes } from "./regions";
export { FIRST_POPULATION_YEAR, populationFetch, populationQueryProblems, yearRange, type PopulationQuery } from "./populationAdapter";
export { helarsekvivalenterFetch, helarsekvivalenterQueryProblems, normaliseMonth, type HelarsekvivalenterQuery } from "./helarsekvivalenterAdapter";
export { tableFetch, type TableQuery } from "./tableAdapter";
export { defaultTableSelection, findTables, periodRange, selectionCells, tableMetadata, tableSelection } from "./tablePicker";
