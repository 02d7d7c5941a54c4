import { describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createServer } from "./everything.js";

describe("everything server", () => {
  it("lists and calls tools", async () => {
    const server = createServer();
    const [a, b] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "test", version: "1.0.0" });
    await Promise.all([server.connect(a), client.connect(b)]);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain("echo");
    const res = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
    expect(JSON.stringify(res.content)).toContain("5");
  });
});
