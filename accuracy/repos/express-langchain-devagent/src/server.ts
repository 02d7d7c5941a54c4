import { randomUUID } from "node:crypto";
import { HumanMessage } from "@langchain/core/messages";
import express from "express";
import { agent, runConfig } from "./agent.js";
import { config } from "./config.js";
import { startSse } from "./lib/sse.js";
import { requireToken } from "./middleware/auth.js";

export const app = express();
app.use(express.json({ limit: "256kb" }));

app.get("/api/health", (_req, res) => {
  res.json({ ok: true, workspace: config.workspace });
});

app.post("/api/agent/chat", requireToken, async (req, res) => {
  const message = String(req.body?.message ?? "").slice(0, 8000);
  const threadId = typeof req.body?.threadId === "string" ? req.body.threadId : randomUUID();
  if (!message) {
    res.status(400).json({ error: "message is required" });
    return;
  }
  const send = startSse(res);
  send("thread", { threadId });
  try {
    const stream = await agent.stream({ messages: [new HumanMessage(message)] }, runConfig(threadId));
    for await (const update of stream) {
      for (const [node, value] of Object.entries(update)) {
        const last = (value as { messages?: { content: unknown; tool_calls?: unknown[] }[] }).messages?.at(-1);
        if (!last) continue;
        send(node === "tools" ? "tool" : "message", { content: last.content, toolCalls: last.tool_calls ?? [] });
      }
    }
    send("done", {});
  } catch (err) {
    send("error", { message: (err as Error).message });
  } finally {
    res.end();
  }
});

if (process.env.NODE_ENV !== "test") {
  app.listen(config.port, "127.0.0.1", () => console.log(`devagent listening on http://127.0.0.1:${config.port}`));
}
