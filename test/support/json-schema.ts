/**
 * A JSON Schema (draft-07) validator for the keywords our published schemas use: type,
 * properties, required, additionalProperties, items, enum, const, pattern, minimum,
 * minLength, minItems, uniqueItems, $ref (local), anyOf, oneOf, allOf, dependencies.
 */
type Schema = Record<string, unknown> | boolean;

export function validateJsonSchema(schema: Schema, value: unknown): string[] {
  const root = schema;
  const check = (current: Schema, data: unknown, at: string, errors: string[]): void => {
    if (current === true) return;
    if (current === false) {
      errors.push(`${at}: not allowed`);
      return;
    }
    const s = current;
    if (typeof s.$ref === 'string') {
      check(resolveRef(root, s.$ref), data, at, errors);
      return;
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((type) => matchesType(type as string, data))) {
        errors.push(`${at}: expected ${types.join('|')}, got ${JSON.stringify(data)?.slice(0, 60)}`);
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((option) => JSON.stringify(option) === JSON.stringify(data))) {
      errors.push(`${at}: ${JSON.stringify(data)} not in enum`);
    }
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(data)) errors.push(`${at}: expected const ${JSON.stringify(s.const)}`);
    if (typeof data === 'string') {
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(data)) errors.push(`${at}: "${data}" does not match ${s.pattern}`);
      if (typeof s.minLength === 'number' && data.length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    }
    if (typeof data === 'number') {
      if (typeof s.minimum === 'number' && data < s.minimum) errors.push(`${at}: below minimum ${s.minimum}`);
      if (typeof s.maximum === 'number' && data > s.maximum) errors.push(`${at}: above maximum ${s.maximum}`);
    }
    if (Array.isArray(data)) {
      if (typeof s.minItems === 'number' && data.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
      if (s.uniqueItems === true && new Set(data.map((item) => JSON.stringify(item))).size !== data.length) errors.push(`${at}: items not unique`);
      if (s.items !== undefined && !Array.isArray(s.items)) data.forEach((item, index) => check(s.items as Schema, item, `${at}[${index}]`, errors));
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const record = data as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) if (!(key in record)) errors.push(`${at}: missing "${key}"`);
      for (const [key, entry] of Object.entries(record)) {
        if (key in properties) check(properties[key], entry, `${at}.${key}`, errors);
        else if (s.additionalProperties === false) errors.push(`${at}: unexpected property "${key}"`);
        else if (typeof s.additionalProperties === 'object') check(s.additionalProperties as Schema, entry, `${at}.${key}`, errors);
      }
      const dependencies = (s.dependencies ?? {}) as Record<string, string[] | Schema>;
      for (const [key, required] of Object.entries(dependencies)) {
        if (!(key in record)) continue;
        if (Array.isArray(required)) {
          for (const other of required) if (!(other in record)) errors.push(`${at}: "${key}" requires "${other}"`);
        } else {
          check(required, data, at, errors);
        }
      }
    }
    const passes = (part: unknown) => {
      const sink: string[] = [];
      check(part as Schema, data, at, sink);
      return sink.length === 0;
    };
    if (Array.isArray(s.allOf)) for (const part of s.allOf) check(part as Schema, data, at, errors);
    if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) errors.push(`${at}: matches none of anyOf`);
    if (Array.isArray(s.oneOf) && s.oneOf.filter(passes).length !== 1) errors.push(`${at}: must match exactly one of oneOf`);
  };
  const errors: string[] = [];
  check(schema, value, '$', errors);
  return errors;
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let current: unknown = root;
  for (const part of ref.slice(2).split('/')) current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  return current as Schema;
}

function matchesType(type: string, data: unknown): boolean {
  switch (type) {
    case 'null': return data === null;
    case 'array': return Array.isArray(data);
    case 'object': return data !== null && typeof data === 'object' && !Array.isArray(data);
    case 'integer': return Number.isInteger(data);
    case 'number': return typeof data === 'number';
    default: return typeof data === type;
  }
}
