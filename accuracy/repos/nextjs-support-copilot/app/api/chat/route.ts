import { convertToModelMessages, generateText, stepCountIs, streamText, type UIMessage } from "ai";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth";
import { chatModel, titleModel } from "@/lib/ai/models";
import { systemPrompt, titlePrompt } from "@/lib/ai/prompts";
import { createTools } from "@/lib/ai/tools";
import { createChat, getChatForUser, getMessages, saveMessages } from "@/lib/db/queries";

export const maxDuration = 30;

const Body = z.object({
  chatId: z.string().uuid().optional(),
  message: z.object({
    id: z.string().min(1).max(64),
    role: z.literal("user"),
    parts: z.array(z.object({ type: z.literal("text"), text: z.string().min(1).max(4000) })).min(1).max(4),
  }),
});

export async function POST(req: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });

  const parsed = Body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.flatten() }, { status: 400 });
  const { chatId, message } = parsed.data;

  let chat = chatId ? await getChatForUser(chatId, user.id) : null;
  if (chatId && !chat) return new Response("Not found", { status: 404 });
  if (!chat) {
    const firstText = message.parts.map((p) => p.text).join(" ");
    const { text: title } = await generateText({ model: titleModel, system: titlePrompt, prompt: firstText, maxOutputTokens: 20 });
    chat = await createChat(user.id, title.trim() || "Support chat");
  }

  const previous = (await getMessages(chat.id)).map((m) => ({ id: m.id, role: m.role, parts: m.parts }) as UIMessage);
  const uiMessages: UIMessage[] = [...previous.slice(-30), message as UIMessage];
  await saveMessages(chat.id, [message as UIMessage]);

  const result = streamText({
    model: chatModel,
    system: systemPrompt(user),
    messages: convertToModelMessages(uiMessages),
    tools: createTools(user.id),
    stopWhen: stepCountIs(5),
    maxOutputTokens: 1000,
  });

  return result.toUIMessageStreamResponse({
    originalMessages: uiMessages,
    headers: { "x-chat-id": chat.id },
    onFinish: async ({ responseMessage }) => {
      await saveMessages(chat.id, [responseMessage]);
    },
  });
}
