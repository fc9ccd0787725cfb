/** Writes docs/openapi.json from the server's OpenAPI document (`npm run openapi`). */
import { writeFileSync } from "node:fs";
import { OPENAPI } from "../src/server/openapi.js";

writeFileSync(new URL("../docs/openapi.json", import.meta.url), `${JSON.stringify(OPENAPI, null, 2)}\n`);
