import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commitAll, initGitRepo } from './git-repo.js';
import { copyFixture, removeTemp } from './run-cli.js';

/** npm must not need the network to remove a package: the tests run it offline. */
export const OFFLINE = { npm_config_offline: 'true', npm_config_update_notifier: 'false' };

/**
 * fixtures/cleanup-dependencies/unused-package (left-pad listed, installed, imported by nothing)
 * in a git repository, with extra files written over it, removed after `work`.
 */
export async function inDependencyRepo(work: (root: string) => Promise<void>, files: Record<string, string> = {}): Promise<void> {
  const root = copyFixture('cleanup-dependencies/unused-package');
  try {
    for (const [file, text] of Object.entries({ '.gitignore': 'node_modules/\n', ...files })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    initGitRepo(root);
    commitAll(root, 'base');
    await work(root);
  } finally {
    removeTemp(root);
  }
}
