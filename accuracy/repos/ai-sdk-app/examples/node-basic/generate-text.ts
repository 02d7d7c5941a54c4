import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import "dotenv/config";

async function main() {
  const { text, usage } = await generateText({
    model: openai("gpt-4o-mini"),
    prompt: "Invent a new holiday and describe its traditions.",
  });
  console.log(text);
  console.log(usage);
}

main().catch(console.error);
