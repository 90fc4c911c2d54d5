import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { type DiskRead, errorCode, listingDigest, REPEATABLE_GIT_COMMANDS, sha1, statOutcome } from './disk-read-journal.js';

/**
 * Whether the disk still answers every recorded read as it did (see recordDiskReads): a read
 * file by its stat, or by its content when the stat moved (a restored or touched file); every
 * other read asked again. The first difference ends the check.
 */
export function diskReadsHold(reads: readonly DiskRead[]): boolean {
  try {
    return reads.every((read) => readHolds(read));
  } catch {
    // A record that is not one (a damaged registry) proves nothing.
    return false;
  }
}

function readHolds(read: DiskRead): boolean {
  switch (read[0]) {
    case 'read': {
      if (read.length === 3) return outcome(() => (fs.statSync(read[1]).isFile() ? fs.readFileSync(read[1]) && 'read' : 'E:not-a-file')) === read[2];
      const [, file, size, mtimeMs, hash] = read;
      const stats = fs.statSync(file, { throwIfNoEntry: false });
      if (stats === undefined || !stats.isFile() || stats.size !== size) return false;
      return stats.mtimeMs === mtimeMs || sha1(fs.readFileSync(file)) === hash;
    }
    case 'stat':
      return outcome(() => statOutcome(fs.statSync(read[1], { throwIfNoEntry: false }))) === read[2];
    case 'lstat':
      return outcome(() => statOutcome(fs.lstatSync(read[1], { throwIfNoEntry: false }))) === read[2];
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

/** The answer, or the error code it failed with, as recorded. */
function outcome(ask: () => string): string {
  try {
    return ask();
  } catch (error) {
    return `E:${errorCode(error)}`;
  }
}
