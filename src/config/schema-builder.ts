/**
 * A small schema builder: each schema validates a value (with errors that name the path in
 * the config), describes itself as JSON Schema, and carries its TypeScript type, so the config
 * type, its validation and its published JSON Schema come from one definition.
 */

type JsonSchema = Record<string, unknown>;

export class SchemaIssue extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(path === '' ? detail : `${path}: ${detail}`);
  }
}

export interface Schema<T> {
  readonly isOptional: boolean;
  parse(value: unknown, path: string): T;
  jsonSchema(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly isOptional: true;
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InferShape<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function describe(schema: JsonSchema, description: string | undefined): JsonSchema {
  return description === undefined ? schema : { description, ...schema };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function string(options: { description?: string; minLength?: number; pattern?: RegExp; patternHint?: string } = {}): Schema<string> {
  return {
    isOptional: false,
    parse(value, path) {
      if (typeof value !== 'string') throw new SchemaIssue(path, `expected a string, got ${typeName(value)}`);
      if (options.minLength !== undefined && value.length < options.minLength) {
        throw new SchemaIssue(path, `expected at least ${options.minLength} character(s)`);
      }
      if (options.pattern !== undefined && !options.pattern.test(value)) {
        throw new SchemaIssue(path, `expected ${options.patternHint ?? `a string matching ${options.pattern.source}`}, got ${JSON.stringify(value)}`);
      }
      return value;
    },
    jsonSchema: () => describe({
      type: 'string',
      ...(options.minLength !== undefined ? { minLength: options.minLength } : {}),
      ...(options.pattern !== undefined ? { pattern: options.pattern.source } : {}),
    }, options.description),
  };
}

export function number(options: { description?: string; integer?: boolean; minimum?: number; maximum?: number } = {}): Schema<number> {
  return {
    isOptional: false,
    parse(value, path) {
      if (typeof value !== 'number' || Number.isNaN(value)) throw new SchemaIssue(path, `expected a number, got ${typeName(value)}`);
      if (options.integer && !Number.isInteger(value)) throw new SchemaIssue(path, 'expected an integer');
      if (options.minimum !== undefined && value < options.minimum) throw new SchemaIssue(path, `expected a number >= ${options.minimum}`);
      if (options.maximum !== undefined && value > options.maximum) throw new SchemaIssue(path, `expected a number <= ${options.maximum}`);
      return value;
    },
    jsonSchema: () => describe({
      type: options.integer ? 'integer' : 'number',
      ...(options.minimum !== undefined ? { minimum: options.minimum } : {}),
      ...(options.maximum !== undefined ? { maximum: options.maximum } : {}),
    }, options.description),
  };
}

export function boolean(options: { description?: string } = {}): Schema<boolean> {
  return {
    isOptional: false,
    parse(value, path) {
      if (typeof value !== 'boolean') throw new SchemaIssue(path, `expected true or false, got ${typeName(value)}`);
      return value;
    },
    jsonSchema: () => describe({ type: 'boolean' }, options.description),
  };
}

export function oneOf<const T extends readonly string[]>(values: T, options: { description?: string } = {}): Schema<T[number]> {
  return {
    isOptional: false,
    parse(value, path) {
      if (typeof value !== 'string' || !values.includes(value)) {
        throw new SchemaIssue(path, `expected one of ${values.map((entry) => JSON.stringify(entry)).join(', ')}, got ${JSON.stringify(value)}`);
      }
      return value as T[number];
    },
    jsonSchema: () => describe({ enum: [...values] }, options.description),
  };
}

export function array<T>(item: Schema<T>, options: { description?: string } = {}): Schema<T[]> {
  return {
    isOptional: false,
    parse(value, path) {
      if (!Array.isArray(value)) throw new SchemaIssue(path, `expected an array, got ${typeName(value)}`);
      return value.map((entry, index) => item.parse(entry, `${path}[${index}]`));
    },
    jsonSchema: () => describe({ type: 'array', items: item.jsonSchema() }, options.description),
  };
}

export function record<T>(valueSchema: Schema<T>, options: { description?: string; keyPattern?: RegExp } = {}): Schema<Record<string, T>> {
  return {
    isOptional: false,
    parse(value, path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new SchemaIssue(path, `expected an object, got ${typeName(value)}`);
      }
      const result: Record<string, T> = {};
      for (const [key, entry] of Object.entries(value)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (options.keyPattern !== undefined && !options.keyPattern.test(key)) throw new SchemaIssue(at, 'invalid name');
        result[key] = valueSchema.parse(entry, at);
      }
      return result;
    },
    jsonSchema: () => describe({
      type: 'object',
      additionalProperties: valueSchema.jsonSchema(),
      ...(options.keyPattern !== undefined ? { propertyNames: { pattern: options.keyPattern.source } } : {}),
    }, options.description),
  };
}

export function object<S extends Shape>(shape: S, options: { description?: string } = {}): Schema<InferShape<S>> {
  return {
    isOptional: false,
    parse(value, path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new SchemaIssue(path, `expected an object, got ${typeName(value)}`);
      }
      const input = value as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (!(key in shape)) {
          const known = Object.keys(shape).join(', ');
          throw new SchemaIssue(path === '' ? key : `${path}.${key}`, `unknown option (known: ${known})`);
        }
      }
      const result: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (input[key] === undefined) {
          if (!schema.isOptional) throw new SchemaIssue(at, 'is required');
          continue;
        }
        result[key] = schema.parse(input[key], at);
      }
      return result as InferShape<S>;
    },
    jsonSchema: () => describe({
      type: 'object',
      properties: Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.jsonSchema()])),
      required: Object.entries(shape).filter(([, schema]) => !schema.isOptional).map(([key]) => key),
      additionalProperties: false,
    }, options.description),
  };
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return {
    isOptional: true,
    parse: (value, path) => (value === undefined ? undefined : schema.parse(value, path)),
    jsonSchema: () => schema.jsonSchema(),
  };
}

/**
 * A function, for options only a JavaScript or TypeScript config can hold. JSON has no
 * functions, so its JSON Schema matches nothing (`not: {}`); use it inside a union.
 */
export function func<F extends (...args: never[]) => unknown>(options: { description?: string } = {}): Schema<F> {
  return {
    isOptional: false,
    parse(value, path) {
      if (typeof value !== 'function') throw new SchemaIssue(path, `expected a function, got ${typeName(value)}`);
      return value as F;
    },
    jsonSchema: () => describe({ not: {} }, options.description),
  };
}

/**
 * Either of two schemas. When both reject the value, the issue found deepest inside it is
 * reported (it names the field that is wrong); if both reject it as a whole, `expected` says what fits.
 */
export function union<A, B>(first: Schema<A>, second: Schema<B>, options: { expected: string; description?: string }): Schema<A | B> {
  return {
    isOptional: false,
    parse(value, path) {
      const issues: SchemaIssue[] = [];
      for (const schema of [first, second] as Array<Schema<A | B>>) {
        try {
          return schema.parse(value, path);
        } catch (error) {
          if (!(error instanceof SchemaIssue)) throw error;
          issues.push(error);
        }
      }
      const deepest = issues.reduce((best, issue) => (issue.path.length > best.path.length ? issue : best));
      if (deepest.path === path) throw new SchemaIssue(path, `expected ${options.expected}, got ${typeName(value)}`);
      throw deepest;
    },
    jsonSchema: () => describe({ anyOf: [first.jsonSchema(), second.jsonSchema()] }, options.description),
  };
}

/** A schema with a further check on the parsed value, for rules across fields (which ids exist). */
export function refine<T>(schema: Schema<T>, check: (value: T, path: string) => void): Schema<T> {
  return {
    isOptional: schema.isOptional,
    parse(value, path) {
      const parsed = schema.parse(value, path);
      check(parsed, path);
      return parsed;
    },
    jsonSchema: () => schema.jsonSchema(),
  };
}
