/** The SCB datasets Samkalk fetches and how to ask for them (one module per part, re-exported here). */
export * from "./datasetCatalog";
export * from "./ageBands";
export * from "./populationRequest";
export * from "./helarsekvivalenterRequest";
