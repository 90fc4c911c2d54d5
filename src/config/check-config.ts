import { ConfigError } from '../errors.js';
import type { OrchGuardConfig } from './config-schema.js';
import { parseRequirement } from './requirement.js';

const KINDS = ['function', 'class', 'variable', 'type', 'interface', 'enum', 'namespace'];

/** Checks that `rules` names existing rules (the schema cannot know them). */
export function checkRuleIds(config: OrchGuardConfig, label: string, knownRules: readonly string[]): void {
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRules.includes(id)) throw new ConfigError(`${label}: rules.${id}: unknown rule (known: ${knownRules.join(', ')})`);
  }
}

/**
 * Checks what the schema cannot about contracts: they name declared components and
 * well-formed symbols. Errors name the file and the path in it.
 */
export function checkContracts(config: OrchGuardConfig, label: string): void {
  const fail = (where: string, message: string): never => {
    throw new ConfigError(`${label}: ${where}: ${message}`);
  };
  const components = config.components ?? {};
  const names = Object.keys(components);
  const checkComponent = (where: string, name: string) => {
    if (!names.includes(name)) fail(where, `unknown component "${name}"${names.length > 0 ? ` (declared: ${names.join(', ')})` : ''}`);
  };
  const checkKind = (where: string, kind: string | undefined) => {
    if (kind !== undefined && !KINDS.includes(kind)) fail(where, `unknown kind "${kind}" (one of ${KINDS.join(', ')})`);
  };
  for (const [name, component] of Object.entries(components)) {
    const at = `components.${name}`;
    (component.provides ?? []).forEach((entry, index) => {
      const [symbol, kind, extra] = entry.split(':');
      if (symbol === '' || extra !== undefined || !/^[\w$]+$/.test(symbol)) fail(`${at}.provides[${index}]`, `expected "Name" or "Name:kind", got "${entry}"`);
      checkKind(`${at}.provides[${index}]`, kind);
    });
    (component.requires ?? []).forEach((entry, index) => {
      const where = `${at}.requires[${index}]`;
      const requirement = parseRequirement(entry);
      if (requirement === undefined) return fail(where, `expected "<component>", "<component>:<Symbol>" or "<path>#<Symbol>", got "${entry}"`);
      if (requirement.component !== undefined) checkComponent(where, requirement.component);
      if (requirement.component === name) fail(where, `component "${name}" cannot require itself`);
      checkKind(where, requirement.kind);
    });
    (component.consumedBy ?? []).forEach((consumer, index) => checkComponent(`${at}.consumedBy[${index}]`, consumer));
    (component.mayImport ?? []).forEach((other, index) => checkComponent(`${at}.mayImport[${index}]`, other));
  }
}
