export * from "./model";
export * from "./overview";
export * from "./sheetNames";
