import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { chatModel } from "~lib/models";
import { searchDocsTool, weatherTool } from "~lib/tools";
import { auth } from "@/auth";

export const maxDuration = 30;

export async function POST(req: Request) {
  const session = await auth(req);
  if (!session) return new Response("Unauthorized", { status: 401 });
  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamText({
    model: chatModel,
    system: "You are the support assistant. Use the tools to look up facts; never invent URLs.",
    messages: convertToModelMessages(messages.slice(-20)),
    tools: { weather: weatherTool, searchDocs: searchDocsTool },
    stopWhen: stepCountIs(5),
    maxOutputTokens: 1200,
  });
  return result.toUIMessageStreamResponse();
}
