import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** How many folders a pattern's search on disk may read. */
const MAX_WALKED_DIRS = 2000;

/**
 * Answers "is there a file here?" for module resolution: project files from the in-memory
 * list (no system call), anything else from the disk, memoised for the run.
 */
export class FileLookup {
  private readonly diskCache = new Map<string, 'file' | 'dir' | 'none'>();
  private readonly linkTargets = new Map<string, string | undefined>();
  private readonly realDirs = new Map<string, string>();
  private readonly rootPrefix: string;
  /** Root-relative folders that hold project files ('' for the root). */
  private readonly projectDirs = new Set<string>();

  constructor(
    readonly root: string,
    private readonly projectFiles: ReadonlySet<string>,
  ) {
    this.rootPrefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
    for (const file of projectFiles) this.projectDirs.add(file.slice(0, Math.max(0, file.lastIndexOf('/'))));
  }

  /** Root-relative posix path for an absolute path, or undefined when outside the root. */
  relative(absolute: string): string | undefined {
    // The common case, called for every probe of every import: a normalised path under the root.
    if (absolute.startsWith(this.rootPrefix) && !absolute.includes(`${path.sep}.`) && absolute.length > this.rootPrefix.length) {
      const inside = absolute.slice(this.rootPrefix.length);
      return path.sep === '/' ? inside : inside.split(path.sep).join('/');
    }
    const relative = path.relative(this.root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }

  /** Project files whose root-relative path matches. */
  projectFilesMatching(regex: RegExp): string[] {
    const found: string[] = [];
    for (const file of this.projectFiles) if (regex.test(file)) found.push(file);
    return found.sort();
  }

  /**
   * A file on disk matching a root-relative pattern whose `*` stand for any text within a
   * folder name, or undefined. Looks in at most a few hundred folders, never in node_modules.
   */
  fileOnDiskMatching(pattern: string): string | undefined {
    let candidates = [this.root];
    const segments = pattern.split('/');
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      const next: string[] = [];
      const regex = segment.includes('*') ? new RegExp(`^${segment.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*+/g, '.*')}$`) : undefined;
      for (const dir of candidates) {
        if (regex === undefined) {
          next.push(path.join(dir, segment));
          continue;
        }
        for (const name of listDirectory(dir)) if (name !== 'node_modules' && regex.test(name)) next.push(path.join(dir, name));
      }
      candidates = (isLast ? next : next.filter((candidate) => this.isDirectory(candidate))).slice(0, 500);
    }
    const found = candidates.find((candidate) => this.isFile(candidate));
    return found === undefined ? undefined : this.relative(found) ?? found;
  }

  /** Whether some project file is directly in this folder: else no probe in it can find one. */
  holdsProjectFiles(absoluteDir: string): boolean {
    const relative = absoluteDir === this.root ? '' : this.relative(absoluteDir);
    return relative !== undefined && this.projectDirs.has(relative);
  }

  /**
   * A file on disk under the root-relative folder whose root-relative path matches (the first
   * found; a bounded walk that skips node_modules and dot folders), remembered for cache checks.
   */
  fileUnderMatching(relativeDir: string, regex: RegExp): string | undefined {
    const pending = [relativeDir];
    // Breadth first, with a cursor: shifting the queue would copy it for every folder.
    for (let next = 0; next < pending.length && next < MAX_WALKED_DIRS; next += 1) {
      const dir = pending[next];
      let entries;
      try {
        entries = readdirSync(path.join(this.root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(relative);
        else if (entry.isFile() && regex.test(relative)) {
          this.diskCache.set(path.join(this.root, relative), 'file');
          return relative;
        }
      }
    }
    return undefined;
  }

  isProjectFile(absolute: string): boolean {
    const relative = this.relative(absolute);
    return relative !== undefined && this.projectFiles.has(relative);
  }

  /**
   * The project file a path reaches through a symbolic link (`src/alias.ts -> real.ts`, or a
   * linked folder), root-relative; undefined when it reaches none.
   */
  projectFileBehindLink(absolute: string): string | undefined {
    if (!this.linkTargets.has(absolute)) {
      let target: string | undefined;
      try {
        const real = path.relative(this.realDir(this.root), this.realPath(absolute));
        const relative = path.sep === '/' ? real : real.split(path.sep).join('/');
        target = this.projectFiles.has(relative) ? relative : undefined;
      } catch {
        target = undefined; // a dangling link or an unreadable path reaches no project file
      }
      this.linkTargets.set(absolute, target);
    }
    return this.linkTargets.get(absolute);
  }

  /**
   * The real path of a file: its folder's real path (cached, folders are shared by many files)
   * and one lstat of the file itself, rather than a realpath walk of every component per file.
   */
  private realPath(absolute: string): string {
    const inRealDir = path.join(this.realDir(path.dirname(absolute)), path.basename(absolute));
    return lstatSync(inRealDir).isSymbolicLink() ? realpathSync.native(inRealDir) : inRealDir;
  }

  private realDir(dir: string): string {
    let real = this.realDirs.get(dir);
    if (real === undefined) {
      real = realpathSync.native(dir);
      this.realDirs.set(dir, real);
    }
    return real;
  }

  isFile(absolute: string): boolean {
    return this.isProjectFile(absolute) || this.kindOnDisk(absolute) === 'file';
  }

  isDirectory(absolute: string): boolean {
    return this.kindOnDisk(absolute) === 'dir';
  }

  /** What was looked up on disk (outside the project file list), for cache validation. */
  diskLookups(): Array<[string, 'file' | 'dir' | 'none']> {
    return [...this.diskCache];
  }

  /** Whether every earlier disk lookup would give the same answer now. */
  static lookupsUnchanged(lookups: ReadonlyArray<readonly [string, 'file' | 'dir' | 'none']>): boolean {
    return lookups.every(([absolute, kind]) => {
      const stats = statSync(absolute, { throwIfNoEntry: false });
      return (stats === undefined ? 'none' : stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'none') === kind;
    });
  }

  private kindOnDisk(absolute: string): 'file' | 'dir' | 'none' {
    let kind = this.diskCache.get(absolute);
    if (kind === undefined) {
      // Nothing is inside a folder that is not there: one look at the folder answers every
      // probe below it (a `baseUrl` tried for each package name, each with many extensions).
      const parent = path.dirname(absolute);
      if (parent !== absolute && this.kindOnDisk(parent) !== 'dir') return 'none';
      const stats = statSync(absolute, { throwIfNoEntry: false });
      kind = stats === undefined ? 'none' : stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'none';
      this.diskCache.set(absolute, kind);
    }
    return kind;
  }
}

function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
