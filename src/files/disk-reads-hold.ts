import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { type DiskRead, errorCode, listingDigest, REPEATABLE_GIT_COMMANDS, sha1, statOutcome } from './disk-read-journal.js';

/**
 * Whether the disk still answers every recorded read as it did (see recordDiskReads): a read
 * file by its stat, or by its content when the stat moved (a restored or touched file); every
 * other read asked again. The first difference ends the check. `lstats`: given each lstat made
 * (of a path's current state), for callers that need the same stats.
 */
export function diskReadsHold(reads: readonly DiskRead[], lstats?: Map<string, fs.Stats | undefined>): boolean {
  try {
    return reads.every((read) => readHolds(read, lstats));
  } catch {
    // A record that is not one (a damaged registry) proves nothing.
    return false;
  }
}

/**
 * As diskReadsHold, with the git commands (each a process, slower than every other check
 * together) started first and left running on their own: `now` tells whether the other reads
 * hold, `commands` whether the git commands still print the same.
 */
export function diskReadsHoldSoon(reads: readonly DiskRead[], lstats?: Map<string, fs.Stats | undefined>): { now: boolean; commands: Promise<boolean> } {
  const commands = Promise.all(reads.filter((read) => read[0] === 'git').map((read) => gitReadHolds(read as Extract<DiskRead, ['git', ...unknown[]]>)));
  return { now: diskReadsHold(reads.filter((read) => read[0] !== 'git'), lstats), commands: commands.then((held) => held.every(Boolean)) };
}

function gitReadHolds([, cwd, args, status, hash]: Extract<DiskRead, ['git', ...unknown[]]>): Promise<boolean> {
  if (!Array.isArray(args) || !REPEATABLE_GIT_COMMANDS.has(args[0] ?? '')) return Promise.resolve(false);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks);
      // Recorded as the caller read it: the bytes, or (with an encoding) the text, which may
      // differ where the bytes are not UTF-8; as the synchronous check, either may match.
      resolve(code === status && (sha1(output) === hash || sha1(Buffer.from(output.toString('utf8'))) === hash));
    });
  });
}

function readHolds(read: DiskRead, lstats?: Map<string, fs.Stats | undefined>): boolean {
  switch (read[0]) {
    case 'read': {
      if (read.length === 3) return outcome(() => (fs.statSync(read[1]).isFile() ? fs.readFileSync(read[1]) && 'read' : 'E:not-a-file')) === read[2];
      const [, file, size, mtimeMs, hash] = read;
      const stats = fs.statSync(file, { throwIfNoEntry: false });
      if (stats === undefined || !stats.isFile() || stats.size !== size) return false;
      return stats.mtimeMs === mtimeMs || sha1(fs.readFileSync(file)) === hash;
    }
    case 'stat':
      return sameStatOutcome(outcome(() => statOutcome(fs.statSync(read[1], { throwIfNoEntry: false }))), read[2]);
    case 'lstat':
      return sameStatOutcome(outcome(() => {
        const stats = fs.lstatSync(read[1], { throwIfNoEntry: false });
        lstats?.set(read[1], stats);
        return statOutcome(stats);
      }), read[2]);
    case 'exists':
      return fs.existsSync(read[1]) === read[2];
    case 'list':
      return outcome(() => listingDigest(fs.readdirSync(read[1], JSON.parse(read[2]) as { withFileTypes: true; recursive: boolean }))) === read[3];
    case 'realpath':
      return outcome(() => fs.realpathSync(read[1])) === read[2];
    case 'readlink':
      return outcome(() => fs.readlinkSync(read[1])) === read[2];
    case 'access':
      return outcome(() => (fs.accessSync(read[1], read[2]), 'ok')) === read[3];
    case 'git': {
      const [, cwd, args, status, hash] = read;
      if (!REPEATABLE_GIT_COMMANDS.has(args[0] ?? '')) return false;
      const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      return result.error === undefined && result.status === status && sha1(Buffer.from(result.stdout)) === hash;
    }
    default:
      return false;
  }
}

/**
 * A stat asked again without throwing: nothing there reads 'none', which the recorded stat gave
 * as 'E:ENOENT' when its caller let it throw (a tracked file deleted in the work tree).
 */
function sameStatOutcome(now: string, recorded: string): boolean {
  return now === recorded || (now === 'none' && recorded === 'E:ENOENT');
}

/** The answer, or the error code it failed with, as recorded. */
function outcome(ask: () => string): string {
  try {
    return ask();
  } catch (error) {
    return `E:${errorCode(error)}`;
  }
}
