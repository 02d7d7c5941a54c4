import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";

const server = new McpServer({ name: "devops", version: "0.4.1" });
const SHOWN = ["NODE_ENV", "AWS_REGION", "LOG_LEVEL"];

server.tool("debug_info", "Show runtime information for troubleshooting", {}, async () => {
  const env = Object.fromEntries(SHOWN.map((k) => [k, process.env[k] ?? null]));
  const info = { node: process.version, platform: process.platform, env };
  return { content: [{ type: "text", text: JSON.stringify(info, null, 2) }] };
});

server.resource("aws-profile", "config://aws", async (uri) => ({
  contents: [{ uri: uri.href, text: `region=${process.env.AWS_REGION ?? "unset"}` }],
}));

await server.connect(new StdioServerTransport());
