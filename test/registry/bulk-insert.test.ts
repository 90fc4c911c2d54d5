import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { createBulkInsert } from '../../src/registry/bulk-insert.js';

test('a bulk insert writes every row, in order, across full and partial statements', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE edges (id INTEGER PRIMARY KEY, name TEXT, target TEXT)');
  const edges = createBulkInsert(db, 'edges', ['name', 'target']);
  const rows = Array.from({ length: 250 }, (_, index) => [`n${index}`, index % 3 === 0 ? null : `t${index}`] as const);
  for (const row of rows) edges.add(row);
  // Two full statements of 100 rows are written as rows come; the last 50 wait for flush.
  expect(db.prepare('SELECT count(*) FROM edges').pluck().get()).toBe(200);
  edges.flush();
  edges.flush();
  expect(db.prepare('SELECT name, target FROM edges ORDER BY id').raw().all()).toEqual(rows.map((row) => [...row]));
  db.close();
});
