import { spawnSync } from 'node:child_process';
import { FAULT_CLI } from './fault-cli.js';

/**
 * Runs the CLI with the folder `dir` read-only, as on a read-only checkout: a read-only bind
 * mount in a mount namespace of its own when running as root (root ignores file modes), else
 * the folder's mode (with -R, everything under it too).
 */
export function runWithReadOnly(dir: string, args: string[], options: { recursive?: boolean } = {}): { status: number | null; stderr: string; stdout: string } {
  const command = `node ${FAULT_CLI} ${args.map((arg) => `'${arg}'`).join(' ')}`;
  const recursive = options.recursive === true ? '-R ' : '';
  const result = process.getuid?.() === 0
    ? spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind ${dir} ${dir} && mount -o remount,bind,ro ${dir} ${dir} && ${command}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync('sh', ['-c', `chmod ${recursive}a-w ${dir} && ${command}; status=$?; chmod ${recursive}u+w ${dir}; exit $status`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}
