/**
 * Errors that carry a one-line message for the user. Inner code throws these; only the CLI
 * turns them into a line on stderr and exit code 2. Anything else is a crash (also exit 2,
 * with the stack only under --debug).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function isUserFacingError(error: unknown): error is UsageError | ConfigError {
  return error instanceof UsageError || error instanceof ConfigError;
}
