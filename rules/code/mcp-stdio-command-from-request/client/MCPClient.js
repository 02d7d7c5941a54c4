// A federation client (compiled TS): it connects to servers named by stdio:// URLs that the operator registers.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export class MCPClient {
    constructor(config) {
        this.config = config;
        this.clients = new Map();
    }
    async attachServer(url, alias, transport = "stdio") {
        const client = new Client({ name: this.config.name, version: this.config.version }, { capabilities: {} });
        switch (transport) {
            case "stdio": {
                // Parse stdio URL format: stdio://command?args=arg1,arg2
                const urlParts = new URL(url);
                const command = urlParts.hostname || urlParts.pathname;
                const args = urlParts.searchParams.get("args")?.split(",") || [];
                const clientTransport = new StdioClientTransport({
                    command,
                    // ok: mcp-stdio-command-from-request (a URL string this code parses, not a request's query)
                    args,
                    env: process.env,
                });
                await client.connect(clientTransport);
                break;
            }
        }
        this.clients.set(alias, client);
    }
}

// the same parsing inside an agent tool: the URL is the model's argument, so its query is too
import { tool } from "ai";
import { z } from "zod";
export const attachTool = tool({
    description: "Attach an MCP server by stdio:// URL",
    parameters: z.object({ url: z.string() }),
    execute: async ({ url }) => {
        const parsed = new URL(url);
        const transport = new StdioClientTransport({
            // ruleid: mcp-stdio-command-from-request
            command: parsed.hostname,
            // ruleid: mcp-stdio-command-from-request
            args: parsed.searchParams.get("args").split(","),
        });
        await transport.start();
        return "attached";
    },
});
