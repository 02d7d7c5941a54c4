import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Config } from "./lib/config.js";
import { registerDocsTools } from "./tools/docs.js";
import { registerGitTools } from "./tools/git.js";
import { registerIssueTools } from "./tools/issues.js";

export const VERSION = "0.5.1";

export function createServer(config: Config, fetchImpl: typeof fetch = fetch): McpServer {
  const server = new McpServer({ name: "devdocs", version: VERSION }, { capabilities: { tools: {} } });
  registerDocsTools(server, config);
  registerGitTools(server, config);
  registerIssueTools(server, config, fetchImpl);
  return server;
}
