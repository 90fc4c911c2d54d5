import { Ajv } from 'ajv';

/**
 * Validates a value against a JSON Schema (draft-07) with Ajv, a complete validator: every
 * keyword counts. Returns the errors as `<path>: <message>` lines; empty when valid.
 */
export function validateJsonSchema(schema: Record<string, unknown>, value: unknown): string[] {
  // strict: false — the published SARIF schema uses keywords (e.g. `format: uri-reference`
  // annotations) that Ajv's strict mode would refuse to compile rather than ignore.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
}
