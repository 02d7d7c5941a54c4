import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import Database from "better-sqlite3";
import { z } from "zod";

const db = new Database("orders.db", { readonly: true });
const server = new McpServer({ name: "orders", version: "1.0.1" });

server.tool("list_orders", "List orders by status", { status: z.enum(["open", "paid", "shipped"]), limit: z.number().int().max(100).default(20) }, async ({ status, limit }) => {
  const rows = db.prepare("SELECT id, total, status FROM orders WHERE status = ? LIMIT ?").all(status, limit);
  return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

await server.connect(new StdioServerTransport());
