export * from "./span.js";
export * from "./message.js";
export * from "./document.js";
export * from "./layout.js";
export * from "./metadata.js";
export * from "./story.js";
export * from "./dossier.js";
export * from "./limits.js";
