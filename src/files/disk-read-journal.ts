import childProcess from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One thing a piece of work learnt from the disk, with what it learnt, so that a later process
 * can ask the disk again and know whether the work would come out the same:
 * - ['read', file, size, mtimeMs, sha1] (or ['read', file, 'E:<code>'] when it failed),
 * - ['stat' | 'lstat', file, outcome], ['exists', file, boolean], ['list', dir, options, sha1],
 * - ['realpath', file, result], ['readlink', file, result], ['access', file, mode, outcome],
 * - ['git', cwd, args, status, sha1 of stdout]: a read-only git command (the file list).
 */
export type DiskRead =
  | ['read', string, number, number, string]
  | ['read', string, string]
  | ['stat' | 'lstat' | 'realpath' | 'readlink', string, string]
  | ['exists', string, boolean]
  | ['list', string, string, string]
  | ['access', string, number, string]
  | ['git', string, string[], number, string];

/** Git commands that only read and whose output is all a caller learns from them. */
export const REPEATABLE_GIT_COMMANDS = new Set(['ls-files', 'rev-parse']);

// The originals, for the journal's own reads (which are not the work's).
const statFile = fs.statSync;
const readFile = fs.readFileSync;

let journal: Map<string, DiskRead> | undefined;
let unrepeatable: string | undefined;
let installed = false;
let busy = false;
type AnyFunction = (...args: never[]) => unknown;

/**
 * Records what `work` reads from the disk (through node:fs and git) and returns it, or the
 * reason it cannot be repeated: a read by a way not recorded here (a stream, an async read, a
 * command other than a read-only git one) makes the journal worthless, never a partial one.
 * Reads made by code that holds fs functions from before installDiskReadJournal() are not
 * seen: the program installs it (installDiskReadJournal) before loading the code it journals;
 * where it did not (orch-guard used as a library), nothing is recorded.
 */
export async function recordDiskReads<T>(work: () => Promise<T>): Promise<{ value: T; reads: DiskRead[] | undefined; unrepeatable?: string }> {
  if (!installed) return { value: await work(), reads: undefined, unrepeatable: 'the disk read journal is not installed' };
  if (journal !== undefined) throw new Error('recordDiskReads: already recording');
  journal = new Map();
  unrepeatable = undefined;
  try {
    const value = await work();
    return unrepeatable === undefined ? { value, reads: [...journal.values()] } : { value, reads: undefined, unrepeatable };
  } finally {
    journal = undefined;
  }
}

/**
 * Wraps the fs and child_process functions once: they record while a journal is open and only
 * pass through otherwise. For programs (the CLI), not libraries: it changes node:fs for the
 * whole process.
 */
export function installDiskReadJournal(): void {
  if (installed) return;
  installed = true;
  const wrap = <F extends AnyFunction>(owner: Record<string, unknown>, name: string, record: (original: F, args: Parameters<F>) => unknown) => {
    const original = owner[name] as F;
    const wrapped = function (this: unknown, ...args: Parameters<F>) {
      // Node's own functions call these (readFileSync opens through fs.openSync): only the
      // work's own calls are recorded.
      if (journal === undefined || busy) return Reflect.apply(original, this, args);
      busy = true;
      try {
        return record(original, args);
      } finally {
        busy = false;
      }
    };
    Object.assign(wrapped, original);
    owner[name] = wrapped;
  };
  const target = fs as unknown as Record<string, unknown>;
  wrap(target, 'readFileSync', (original: typeof fs.readFileSync, [file, options]) => {
    const flag = typeof options === 'object' && options !== null ? options.flag : undefined;
    if (typeof file === 'number' || (flag !== undefined && flag !== 'r')) return note(`readFileSync of ${String(file)}`, () => original(file, options));
    const encoding = typeof options === 'string' ? options : options?.encoding ?? undefined;
    const absolute = absolutePath(file);
    // Stat before reading: a change in between leaves a stale stat, so the check hashes.
    const stats = statFile(absolute, { throwIfNoEntry: false });
    let content: Buffer;
    try {
      content = readFile(absolute);
    } catch (error) {
      remember(['read', absolute, `E:${errorCode(error)}`]);
      throw error;
    }
    remember(stats?.isFile() === true ? ['read', absolute, stats.size, vouchingMtime(stats), sha1(content)] : ['read', absolute, 'E:not-a-file']);
    return encoding === undefined || encoding === null ? content : content.toString(encoding);
  });
  for (const name of ['statSync', 'lstatSync'] as const) {
    wrap(target, name, (original: typeof fs.statSync, [file, options]) => {
      const absolute = absolutePath(file);
      const op = name === 'statSync' ? 'stat' : 'lstat';
      if (options?.bigint === true) return note(`${name} with bigint`, () => original(absolute, options));
      try {
        const stats = original(absolute, options);
        remember([op, absolute, statOutcome(stats as fs.Stats | undefined)]);
        return stats;
      } catch (error) {
        remember([op, absolute, `E:${errorCode(error)}`]);
        throw error;
      }
    });
  }
  wrap(target, 'existsSync', (original: typeof fs.existsSync, [file]) => {
    const result = original(file);
    remember(['exists', absolutePath(file as fs.PathLike), result]);
    return result;
  });
  wrap(target, 'readdirSync', (original: typeof fs.readdirSync, [dir, options]) => {
    const entries = Reflect.apply(original, fs, [dir, options]) as ReturnType<typeof fs.readdirSync>;
    remember(['list', absolutePath(dir), listingShape(options), listingDigest(entries)]);
    return entries;
  });
  const recordOutcome = (op: 'realpath' | 'readlink', original: (file: fs.PathLike, options?: unknown) => unknown, file: fs.PathLike, options: unknown) => {
    const absolute = absolutePath(file);
    try {
      const result = original(absolute, options);
      remember([op, absolute, String(result)]);
      return result;
    } catch (error) {
      remember([op, absolute, `E:${errorCode(error)}`]);
      throw error;
    }
  };
  const realpathNative = fs.realpathSync.native;
  wrap(target, 'realpathSync', (original: typeof fs.realpathSync, [file, options]) => recordOutcome('realpath', original as never, file, options) as string);
  // TypeScript's sys reads realpathSync.native (once, when it loads).
  (fs.realpathSync as unknown as Record<string, unknown>).native = realpathNative;
  wrap(fs.realpathSync as unknown as Record<string, unknown>, 'native', (original: typeof fs.realpathSync.native, [file, options]) => recordOutcome('realpath', original as never, file, options) as string);
  wrap(target, 'readlinkSync', (original: typeof fs.readlinkSync, [file, options]) => recordOutcome('readlink', original as never, file, options) as string);
  wrap(target, 'accessSync', (original: typeof fs.accessSync, [file, mode]) => {
    const absolute = absolutePath(file);
    try {
      original(absolute, mode);
      remember(['access', absolute, mode ?? fs.constants.F_OK, 'ok']);
    } catch (error) {
      remember(['access', absolute, mode ?? fs.constants.F_OK, `E:${errorCode(error)}`]);
      throw error;
    }
  });
  // Ways of reading that are not journaled: their use makes the journal worthless.
  wrap(target, 'openSync', (original: typeof fs.openSync, [file, flags, mode]) => {
    const reading = flags === undefined || flags === 'r' || flags === 'rs' || flags === fs.constants.O_RDONLY;
    const absolute = absolutePath(file);
    // A file opened to be read is recorded as read whole; a folder opened (to sync it) or a file opened to be written tells nothing.
    const stats = reading ? statFile(absolute, { throwIfNoEntry: false }) : undefined;
    if (stats?.isFile() === true) remember(['read', absolute, stats.size, vouchingMtime(stats), sha1(readFile(absolute))]);
    else if (reading && stats === undefined) remember(['read', absolute, 'E:ENOENT']);
    return original(file, flags, mode);
  });
  for (const name of ['opendirSync', 'readFile', 'readdir', 'stat', 'lstat', 'createReadStream', 'watch', 'watchFile']) {
    wrap(target, name, (original: AnyFunction, args) => note(`fs.${name}`, () => Reflect.apply(original, fs, args)));
  }
  for (const name of ['readFile', 'readdir', 'stat', 'lstat', 'open', 'opendir', 'access', 'realpath']) {
    wrap(fs.promises as unknown as Record<string, unknown>, name, (original: AnyFunction, args) => note(`fs.promises.${name}`, () => Reflect.apply(original, fs.promises, args)));
  }
  const processes = childProcess as unknown as Record<string, unknown>;
  wrap(processes, 'spawnSync', (original: typeof childProcess.spawnSync, [command, args, options]) => {
    const list = Array.isArray(args) ? (args as string[]) : [];
    const result = Reflect.apply(original, childProcess, [command, args, options]) as childProcess.SpawnSyncReturns<string | Buffer>;
    const given = (Array.isArray(args) ? options : args) as { cwd?: string } | undefined;
    const cwd = path.resolve(String(given?.cwd ?? process.cwd()));
    if (command !== 'git' || !REPEATABLE_GIT_COMMANDS.has(list[0] ?? '') || result.error !== undefined || result.stdout === null) unrepeatable ??= `the command ${String(command)} ${list.join(' ')}`;
    else remember(['git', cwd, list, result.status ?? -1, sha1(Buffer.from(result.stdout))]);
    return result;
  });
  for (const name of ['execSync', 'execFileSync', 'spawn', 'exec', 'execFile', 'fork']) {
    wrap(processes, name, (original: AnyFunction, args) => note(`child_process.${name}`, () => Reflect.apply(original, childProcess, args)));
  }
  // ES modules hold node:fs's named exports as bindings to these objects' properties.
  syncBuiltinESMExports();
}

/**
 * The mtime that may vouch for a read file's content later, or -1 (check the content) for a file
 * changed within the last two seconds: a write in the same timestamp tick as the read would
 * otherwise go unseen (see RACY_MARGIN_NS in stat-key.ts).
 */
function vouchingMtime(stats: fs.Stats): number {
  return Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) < 2000 ? -1 : stats.mtimeMs;
}

function note<T>(what: string, run: () => T): T {
  unrepeatable ??= what;
  return run();
}

function remember(read: DiskRead): void {
  const key = `${read[0]}\0${read[1]}\0${read[0] === 'list' || read[0] === 'access' || read[0] === 'git' ? JSON.stringify(read[2]) : ''}`;
  if (!journal!.has(key)) journal!.set(key, read);
}

function absolutePath(file: fs.PathLike): string {
  if (file instanceof URL) return fileURLToPath(file);
  return path.resolve(Buffer.isBuffer(file) ? file.toString() : String(file));
}

/** What a stat tells a caller: the kind, and a file's size and mtime (some callers key caches on them). */
export function statOutcome(stats: fs.Stats | undefined): string {
  if (stats === undefined) return 'none';
  if (stats.isFile()) return `f:${stats.size}:${stats.mtimeMs}`;
  if (stats.isDirectory()) return 'd';
  if (stats.isSymbolicLink()) return 'l';
  return 'o';
}

/** readdirSync's options as recorded: only the two that change what is listed. */
function listingShape(options: unknown): string {
  const object = typeof options === 'object' && options !== null ? (options as { withFileTypes?: boolean; recursive?: boolean }) : {};
  return JSON.stringify({ withFileTypes: object.withFileTypes === true, recursive: object.recursive === true });
}

export function listingDigest(entries: ReadonlyArray<string | Buffer | fs.Dirent<string | Buffer>>): string {
  const hash = createHash('sha1');
  for (const entry of entries) {
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) hash.update(`${entry.toString()}\0`);
    else hash.update(`${entry.name.toString()}:${entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : entry.isSymbolicLink() ? 'l' : 'o'}\0`);
  }
  return hash.digest('hex');
}

export function sha1(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
