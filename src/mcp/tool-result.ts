import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isUserFacingError } from '../errors.js';

/**
 * A tool's answer: a one-line summary for the agent to read, the same data as JSON text (for
 * clients that ignore structured content) and as `structuredContent`, summary first.
 */
export function toolResult(summary: string, data: Record<string, unknown>): CallToolResult {
  const structured = { summary, ...data };
  return { content: [{ type: 'text', text: summary }, { type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}

/** Bad input is the agent's to fix (the CLI's one-line message); anything else is an internal error. */
export function toolError(error: unknown): CallToolResult {
  const message = isUserFacingError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Large answers are cut, and say so: an agent's context is not the place for 5000 findings. */
export function capped<T>(items: readonly T[], limit: number): { items: T[]; truncated?: number } {
  return items.length <= limit ? { items: [...items] } : { items: items.slice(0, limit), truncated: items.length - limit };
}
