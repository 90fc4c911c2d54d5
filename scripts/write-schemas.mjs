// Regenerates the published config JSON Schema from the one config schema in src/config.
// Run after `npm run build`: node scripts/write-schemas.mjs
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/src/config/config-json-schema.js';

writeFileSync(new URL('../schemas/orch-config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
