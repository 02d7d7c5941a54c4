import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import Database from "better-sqlite3";
import { z } from "zod";

const db = new Database("orders.db", { readonly: false });
const server = new McpServer({ name: "orders", version: "1.0.0" });

function ordersQuery(status: string, limit: number): string {
  return "SELECT id, total, status FROM orders WHERE status = '" + status + "' LIMIT " + limit;
}

server.tool("list_orders", "List orders by status", { status: z.string(), limit: z.number().default(20) }, async ({ status, limit }) => {
  const rows = db.prepare(ordersQuery(status, limit)).all();
  return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

await server.connect(new StdioServerTransport());
