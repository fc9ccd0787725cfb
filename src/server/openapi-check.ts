/**
 * Checks a response against the OpenAPI document: its status must be described
 * for the operation, its content type listed, and a JSON body must satisfy the
 * schema (Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses). For tests and benchmarks.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { OPENAPI } from "./openapi.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(JSON.stringify(OPENAPI)) as object, "openapi");

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

/** The operation of a method and an `/api/v1` path (`/api/v1/stories/story-1` → `/stories/{id}`), or null. */
function operation(method: string, path: string): { template: string; op: Operation } | null {
  const rel = path.replace(/^\/api\/v1/, "").split("?")[0]!;
  for (const [template, item] of Object.entries(OPENAPI.paths)) {
    const re = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
    const op = (item as Record<string, Operation>)[method.toLowerCase()];
    if (re.test(rel) && op) return { template, op };
  }
  return null;
}

/** What is wrong with a response by the OpenAPI document ("" when it conforms). */
export function openapiProblems(method: string, path: string, status: number, contentType: string | null, body: string): string {
  const found = operation(method, path);
  if (!found) return `${method} ${path}: no such operation in the OpenAPI document`;
  const response = found.op.responses[String(status)];
  if (!response) return `${method} ${found.template}: status ${status} is not described`;
  const type = (contentType ?? "").split(";")[0]!.trim();
  if (!response.content) return body === "" ? "" : `${method} ${found.template} ${status}: a body where none is described`;
  const media = response.content[type];
  if (!media) return `${method} ${found.template} ${status}: content type ${type} is not described (${Object.keys(response.content).join(", ")})`;
  if (!type.endsWith("json")) return "";
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `${method} ${found.template} ${status}: the body is not JSON`;
  }
  const ref = (media.schema as { $ref?: string }).$ref;
  const validate = ref ? ajv.getSchema(`openapi${ref}`) : ajv.compile(media.schema as object);
  if (!validate) return `${method} ${found.template}: schema ${ref} not found`;
  return validate(value) ? "" : `${method} ${found.template} ${status}: ${ajv.errorsText(validate.errors)}`;
}
