import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import { tools } from "@/lib/tools";

export async function POST(req: Request) {
  const { prompt, maxSteps } = await req.json();
  const result = await generateText({ model: openai("gpt-4o"), tools, maxSteps, maxTokens: 2000, prompt });
  return Response.json({ text: result.text });
}
