import { SystemMessage } from "@langchain/core/messages";
import { MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { config } from "./config.js";
import { allTools } from "./tools/index.js";

const SYSTEM = `You are a senior software engineer working in the user's repository (the workspace).
Read files before changing them. Prefer small, focused edits. Run the tests with run_command after a change.
Explain what you changed at the end, with file paths.`;

const llm = new ChatOpenAI({ model: config.model, temperature: 0, maxTokens: 4096 });

export const agent = createReactAgent({
  llm,
  tools: allTools,
  checkpointSaver: new MemorySaver(),
  messageModifier: new SystemMessage(SYSTEM),
});

export function runConfig(threadId: string) {
  return { configurable: { thread_id: threadId }, recursionLimit: config.maxSteps, streamMode: "updates" as const };
}
