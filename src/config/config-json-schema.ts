import { configSchema } from './config-schema.js';

/** The published JSON Schema of orch.config (schemas/orch-config.schema.json), from the one schema. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://orch-guard.dev/schemas/orch-config.schema.json',
    title: 'orch-guard configuration',
    ...configSchema.jsonSchema(),
  };
}
