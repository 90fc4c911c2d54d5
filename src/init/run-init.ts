import { closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { realPathOutside } from '../files/path-inside.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { tryGit } from '../git/git.js';
import { installHook } from '../hook/install-hook.js';
import { ciWorkflow } from './ci-workflow.js';
import { type ProjectSurvey, surveyProject } from './detect-project.js';
import { configSource } from './write-config.js';

const CONFIG_FILES = ['orch.config.ts', 'orch.config.mts', 'orch.config.js', 'orch.config.mjs', 'orch.config.cjs', 'orch.config.json'];
const WORKFLOW = '.github/workflows/orch-guard.yml';

export interface InitOptions {
  root: string;
  /** Overwrite an existing orch.config.*. */
  force: boolean;
  /** Install the pre-commit hook / write the CI workflow; undefined: ask (no, without a terminal). */
  hook?: boolean;
  ci?: boolean;
  ask: (question: string) => Promise<boolean>;
  /** The CLI's bin file, for a hook in a project without orch-guard installed. */
  binFile: string;
}

export interface InitResult {
  survey: ProjectSurvey;
  /** What was written or changed, root-relative, with what happened. */
  changes: string[];
  notices: string[];
}

/**
 * `orch-guard init`: survey the project, write orch.config.ts (knip's entry/project/ignore
 * carried over, the rest as commented suggestions), add `.orch-guard/` to .gitignore, and on
 * request install the pre-commit hook and a CI workflow.
 */
export async function runInit(options: InitOptions): Promise<InitResult> {
  const root = path.resolve(options.root);
  const existing = CONFIG_FILES.find((file) => existsSync(path.join(root, file)));
  if (existing !== undefined && !options.force) throw new UsageError(`init: ${existing} exists already (--force replaces it with orch.config.ts and keeps it as ${existing}.bak)`);
  const survey = surveyProject(root);
  const changes: string[] = [];
  const notices: string[] = [];
  // --force replaces the config, but a config is the user's work: the old one is kept beside it.
  // In this order, so that a kill at any point leaves a config in force (the old one, or both,
  // which every command refuses): never none, which would analyse with the defaults.
  const replaced = CONFIG_FILES.filter((name) => existsSync(path.join(root, name)));
  for (const file of replaced) changes.push(`${file}: moved to ${keepCopy(root, file)}`);
  // A symlinked orch.config.ts: its .bak is the link; what it leads to is not written over.
  if (lstatSync(path.join(root, 'orch.config.ts'), { throwIfNoEntry: false })?.isSymbolicLink() === true) unlinkSync(path.join(root, 'orch.config.ts'));
  writeInsideRoot(root, 'orch.config.ts', configSource(survey));
  for (const file of replaced) if (file !== 'orch.config.ts') unlinkSync(path.join(root, file));
  changes.push('orch.config.ts: written');
  if (addGitignoreEntry(root)) changes.push('.gitignore: .orch-guard/ added');
  if (options.hook ?? (await options.ask('Install the pre-commit hook (orch-guard validate --staged)?'))) {
    if (tryGit(root, ['rev-parse', '--is-inside-work-tree']) !== undefined) {
      try {
        const change = installHook(root, options.binFile);
        changes.push(`${path.relative(root, change.file)}: pre-commit hook ${change.changed ? 'installed' : 'already installed'} (${change.manager})`);
      } catch (error) {
        // A hook orch-guard will not edit is said; the config is written all the same.
        if (!(error instanceof UsageError)) throw error;
        notices.push(`init: no pre-commit hook was installed: ${error.message}`);
      }
    } else {
      notices.push('init: not a git repository, so no pre-commit hook was installed (run `orch-guard hook install` after `git init`)');
    }
  }
  if (options.ci ?? (await options.ask(`Write a CI workflow (${WORKFLOW})?`))) {
    if (existsSync(path.join(root, WORKFLOW))) notices.push(`init: ${WORKFLOW} exists already: left as it is`);
    else {
      mkdirSync(path.join(root, path.dirname(WORKFLOW)), { recursive: true });
      writeInsideRoot(root, WORKFLOW, ciWorkflow(survey.packageManager));
      changes.push(`${WORKFLOW}: written`);
    }
  }
  return { survey, changes, notices };
}

/**
 * Keeps `file` as `<file>.bak` (`.bak-2`, ... when taken), never over another file, the file
 * itself left in place until its replacement is written; returns the name of the copy.
 */
function keepCopy(root: string, file: string): string {
  for (let n = 1; ; n += 1) {
    const aside = `${file}.bak${n === 1 ? '' : `-${n}`}`;
    // A hard link (or an exclusive copy) fails with EEXIST where a name is taken, even one made
    // a moment ago: nothing is ever written over another file.
    try {
      linkSync(path.join(root, file), path.join(root, aside));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // A file system without hard links: a copy, synced, before the original goes.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP'].includes(code ?? '')) throw error;
      try {
        copyFileSync(path.join(root, file), path.join(root, aside), constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw copyError;
      }
      syncFile(path.join(root, aside));
    }
    return aside;
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Adds `.orch-guard/` (the registry and caches) to .gitignore unless an entry covers it. The
 * line is appended to the file's bytes as they are (any encoding, its own line breaks), and
 * written atomically: an interruption never leaves a truncated .gitignore.
 */
function addGitignoreEntry(root: string): boolean {
  const file = path.join(root, '.gitignore');
  const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const text = bytes.toString('latin1');
  if (text.split('\n').some((line) => ['.orch-guard', '.orch-guard/', '/.orch-guard', '/.orch-guard/'].includes(line.trim()))) return false;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  writeInsideRoot(root, '.gitignore', Buffer.concat([bytes, Buffer.from(`${text === '' || text.endsWith('\n') ? '' : newline}.orch-guard/${newline}`)]));
  return true;
}

/** An atomic write of a root-relative file, refused when a symlink on the way leads outside the root. */
function writeInsideRoot(root: string, relative: string, content: string | Uint8Array): void {
  const outside = realPathOutside(root, relative);
  if (outside !== undefined) throw new UsageError(`init: ${relative} leads outside the project (${outside}); orch-guard will not write it`);
  writeFileAtomic(path.join(root, relative), content);
}
