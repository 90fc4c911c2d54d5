import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { withAnalysis } from '../analyse/with-analysis.js';
import type { Analysis } from '../analyse/analyse.js';
import { registerCheckTools } from './check-tools.js';
import { registerRegistryTools } from './registry-tools.js';
import { toolError } from './tool-result.js';
import type { ToolRegistrar } from './tool-registrar.js';

interface ServerOptions {
  root: string;
  config?: string;
  version: string;
}

/**
 * The MCP server: orch-guard's registry, checks and rules as tools for coding agents. Calls
 * run one at a time (they share the registry database and the project's files); each analyses
 * the project afresh, which the content-hash cache keeps cheap.
 */
function createMcpServer(options: ServerOptions): McpServer {
  const server = new McpServer({ name: 'orch-guard', version: options.version });
  let queue: Promise<unknown> = Promise.resolve();
  const register: ToolRegistrar = (name, config, handler) => {
    server.registerTool(name, config, ((input: Parameters<typeof handler>[0]) => {
      const run = queue.then(() => handler(input)).catch(toolError);
      queue = run;
      return run;
    }) as never);
  };
  const withProjectAnalysis = <T>(work: (analysis: Analysis) => T): Promise<T> => {
    const notices: string[] = [];
    return withAnalysis({ root: options.root, ...(options.config !== undefined ? { configFile: options.config } : {}), notices }, work);
  };
  registerRegistryTools(register, withProjectAnalysis);
  registerCheckTools(register, options);
  return server;
}

/** `orch-guard mcp`: serves over stdio until the client closes the connection. */
export async function serveOverStdio(options: ServerOptions): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
