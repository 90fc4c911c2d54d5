import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** Registers one tool: its name, description and input shape, and the handler of a call. */
export type ToolRegistrar = <S extends Shape>(
  name: string,
  config: { title: string; description: string; inputSchema: S },
  handler: (input: z.infer<z.ZodObject<S>>) => Promise<CallToolResult>,
) => void;
