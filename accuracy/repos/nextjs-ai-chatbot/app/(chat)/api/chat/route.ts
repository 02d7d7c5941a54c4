import { convertToModelMessages, createUIMessageStream, JsonToSseTransformStream, stepCountIs, streamText } from 'ai';
import { geolocation } from '@vercel/functions';
import { auth } from '@/app/(auth)/auth';
import { myProvider } from '@/lib/ai/providers';
import { systemPrompt, type RequestHints } from '@/lib/ai/prompts';
import { getWeather } from '@/lib/ai/tools/get-weather';
import { readUrl } from '@/lib/ai/tools/read-url';
import { createDocument } from '@/lib/ai/tools/save-document';
import { getChatById, getMessageCountByUserId, getMessagesByChatId, saveMessages } from '@/lib/db/queries';

export const maxDuration = 60;

export async function POST(request: Request) {
  const { id, message, selectedChatModel } = await request.json();

  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });

  const messageCount = await getMessageCountByUserId({ id: session.user.id, differenceInHours: 24 });
  if (messageCount > 100) return new Response('Rate limit exceeded', { status: 429 });

  const chat = await getChatById({ id });
  if (chat && chat.userId !== session.user.id) return new Response('Forbidden', { status: 403 });

  const previous = await getMessagesByChatId({ id });
  const uiMessages = [...previous.map((m) => ({ id: m.id, role: m.role, parts: m.parts })), message];

  const { longitude, latitude, city, country } = geolocation(request);
  const requestHints: RequestHints = { longitude, latitude, city, country };

  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      const result = streamText({
        model: myProvider.languageModel(selectedChatModel),
        system: systemPrompt({ requestHints }),
        messages: convertToModelMessages(uiMessages),
        stopWhen: stepCountIs(5),
        maxOutputTokens: 4096,
        tools: {
          getWeather,
          readUrl,
          createDocument: createDocument({ userId: session.user.id }),
        },
      });
      writer.merge(result.toUIMessageStream());
    },
    onFinish: async ({ messages }) => {
      await saveMessages({
        messages: messages.map((m) => ({ id: m.id, role: m.role, parts: m.parts, createdAt: new Date(), chatId: id })),
      });
    },
  });

  return new Response(stream.pipeThrough(new JsonToSseTransformStream()));
}
