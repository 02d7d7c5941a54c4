import { openai } from "@ai-sdk/openai";
import { stepCountIs, streamText, tool } from "ai";
import { z } from "zod";
import "dotenv/config";

async function main() {
  const result = streamText({
    model: openai("gpt-4o"),
    tools: {
      cityAttractions: tool({
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ attractions: [`${city} museum`, `${city} old town`] }),
      }),
    },
    stopWhen: stepCountIs(3),
    prompt: "What are the tourist attractions in San Francisco?",
  });
  for await (const part of result.textStream) process.stdout.write(part);
}

main().catch(console.error);
