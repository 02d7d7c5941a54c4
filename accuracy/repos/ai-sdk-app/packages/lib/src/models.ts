import { anthropic } from "@ai-sdk/anthropic";
import { openai } from "@ai-sdk/openai";

export const chatModel = process.env.CHAT_PROVIDER === "anthropic" ? anthropic("claude-3-5-sonnet-latest") : openai("gpt-4o-mini");
