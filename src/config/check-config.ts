import { ConfigError } from '../errors.js';
import type { OrchGuardConfig } from './config-schema.js';

/** Checks what the schema cannot: that `rules` names only existing rules. */
export function checkRuleIds(config: OrchGuardConfig, label: string, knownRules: readonly string[]): void {
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRules.includes(id)) {
      throw new ConfigError(`${label}: rules.${id}: unknown rule (known: ${knownRules.join(', ')})`);
    }
  }
}
