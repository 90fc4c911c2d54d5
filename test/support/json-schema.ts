import { Ajv, type ValidateFunction } from 'ajv';

// strict: false — the published SARIF schema uses keywords (e.g. `format: uri-reference`
// annotations) that Ajv's strict mode would refuse to compile rather than ignore.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
/** Compiling a schema costs far more than validating with it: once per schema object. */
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validates a value against a JSON Schema (draft-07) with Ajv, a complete validator: every
 * keyword counts. Returns the errors as `<path>: <message>` lines; empty when valid.
 */
export function validateJsonSchema(schema: Record<string, unknown>, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (validate === undefined) compiled.set(schema, (validate = ajv.compile(schema)));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
}
