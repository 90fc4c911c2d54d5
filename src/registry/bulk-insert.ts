import type { RegistryDatabase } from './open-registry.js';

/** Rows per INSERT statement: well under SQLite's 32,766 bound parameters for every table here. */
const ROWS_PER_STATEMENT = 100;

type Value = string | number | null;

/**
 * Inserts rows into one table many to a statement: one statement per row spends most of its
 * time crossing into SQLite and back (a cold run writes some 20,000 graph rows). Rows are held
 * until `flush()`, which the caller calls before the transaction ends.
 */
export function createBulkInsert(registry: RegistryDatabase, table: string, columns: readonly string[]): { add(row: readonly Value[]): void; flush(): void } {
  const statementFor = (rows: number) => registry.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`);
  let full: ReturnType<typeof statementFor> | undefined;
  let pending: Value[] = [];
  const flush = () => {
    const rows = pending.length / columns.length;
    if (rows === 0) return;
    const statement = rows === ROWS_PER_STATEMENT ? (full ??= statementFor(ROWS_PER_STATEMENT)) : statementFor(rows);
    statement.run(pending);
    pending = [];
  };
  return {
    add(row) {
      for (const value of row) pending.push(value);
      if (pending.length === ROWS_PER_STATEMENT * columns.length) flush();
    },
    flush,
  };
}
