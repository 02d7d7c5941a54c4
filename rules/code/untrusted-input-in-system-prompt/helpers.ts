// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const client = new OpenAI();
const BASE = 'You are the ACME support assistant.';

function buildMessages({ question, persona }) {
  return [
    // ruleid: untrusted-input-in-system-prompt
    { role: 'system', content: `${BASE} Speak as ${persona}.` },
    // ok: untrusted-input-in-system-prompt
    { role: 'user', content: question },
  ];
}

const systemFor = (locale: string) => {
  const languages = { en: 'English', de: 'German' };
  // ok: untrusted-input-in-system-prompt
  return `${BASE} Answer in ${languages[locale] ?? 'English'}.`;
};

const askAbout = async (topic: string, question: string) =>
  generateText({
    model: openai('gpt-4o-mini'),
    // ruleid: untrusted-input-in-system-prompt
    system: `${BASE} Only discuss ${topic}.`,
    prompt: question,
  });

export async function POST(req: Request) {
  const body = await req.json();
  const resp = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: buildMessages({ question: body.question, persona: body.persona }) });
  const fixed = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ok: untrusted-input-in-system-prompt
      { role: 'system', content: BASE },
      { role: 'user', content: body.question },
    ],
  });
  const about = await askAbout(body.topic, body.question);
  return Response.json({ resp, fixed, about, system: systemFor('en') });
}
