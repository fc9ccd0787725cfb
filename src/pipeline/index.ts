export * from "./analyze.js";
export * from "./build-document.js";
export * from "./stages.js";
export * from "./budget.js";
export * from "./enrich.js";
export * from "./analyze-stream.js";
