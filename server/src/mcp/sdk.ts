/**
 * The MCP SDK and zod, bundled on their own (dist/mcpSdk.js): the CLI bundle refers to this file for every import of
 * `@modelcontextprotocol/sdk/*` and `zod` (scripts/build.mjs), so only `aisec mcp` loads them and the other commands
 * do not parse them at start-up. Everything the server uses from them is re-exported here.
 */
export { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
export { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
export { z } from 'zod';
