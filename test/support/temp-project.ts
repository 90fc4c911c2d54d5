import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes a small project into a new temp directory: { 'src/a.ts': '...' }. */
export function writeTempProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'orch-guard-test-'));
  writeProjectFiles(root, files);
  return root;
}

export function writeProjectFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Runs `work` on a temp project and removes it afterwards (safe under concurrent tests). */
export async function withTempProject<T>(files: Record<string, string | Buffer>, work: (root: string) => Promise<T>): Promise<T> {
  const root = writeTempProject(files);
  try {
    return await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
