// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Server-side route handler: the safe neighbour of components/ChatWidget.tsx
import OpenAI from 'openai';

// ok: ai-key-exposed-to-browser
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function POST(req: Request) {
  const { question } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 300,
    messages: [{ role: 'user', content: String(question).slice(0, 2000) }],
  });
  return Response.json({ answer: completion.choices[0].message.content });
}
