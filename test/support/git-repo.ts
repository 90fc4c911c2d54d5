import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { writeTempProject } from './temp-project.js';

/** A temp git repository with an identity configured, so commits work on any machine. */
export function createGitRepo(files: Record<string, string>): string {
  const root = writeTempProject(files);
  initGitRepo(root);
  return root;
}

/** Makes `root` a git repository with an identity configured. */
export function initGitRepo(root: string): void {
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'Test');
  git(root, 'config', 'commit.gpgsign', 'false');
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--no-verify', '-m', message);
}

/** Runs `work` in a temp repository whose files are committed, and removes it afterwards. */
export async function withGitRepo(files: Record<string, string>, work: (root: string) => Promise<void>): Promise<void> {
  const root = createGitRepo(files);
  try {
    commitAll(root, 'initial');
    await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `git commit` with hooks enabled; returns its exit code and output. */
export function commitWithHooks(root: string, message: string): { status: number; output: string } {
  const result = spawnSync('git', ['commit', '-m', message], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
