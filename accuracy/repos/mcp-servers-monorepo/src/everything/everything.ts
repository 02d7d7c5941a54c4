import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

export function createServer(): McpServer {
  const server = new McpServer({ name: "everything", version: "0.8.0" });

  server.registerTool("echo", { description: "Echoes back the input", inputSchema: { message: z.string() } }, async ({ message }) => ({
    content: [{ type: "text", text: `Echo: ${message}` }],
  }));

  server.registerTool("add", { description: "Adds two numbers", inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
    content: [{ type: "text", text: `The sum of ${a} and ${b} is ${a + b}.` }],
  }));

  server.registerTool(
    "sampleLLM",
    { description: "Samples from the client's LLM", inputSchema: { prompt: z.string(), maxTokens: z.number().default(100) } },
    async ({ prompt, maxTokens }, extra) => {
      const result = await server.server.createMessage({
        messages: [{ role: "user", content: { type: "text", text: `Resource sampleLLM context: ${prompt}` } }],
        systemPrompt: "You are a helpful test server.",
        maxTokens,
        temperature: 0.7,
      });
      return { content: [{ type: "text", text: `LLM sampling result: ${JSON.stringify(result.content)}` }] };
    },
  );

  server.registerResource("static", "test://static/resource/1", { mimeType: "text/plain" }, async (uri) => ({
    contents: [{ uri: uri.href, text: "Resource 1: This is a plaintext resource" }],
  }));
  return server;
}
