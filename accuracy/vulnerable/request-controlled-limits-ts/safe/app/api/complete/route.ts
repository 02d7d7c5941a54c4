import OpenAI from "openai";

const client = new OpenAI();

export async function POST(req: Request) {
  const body = await req.json();
  const maxTokens = Math.min(Number(body.max_tokens) || 256, 1024);
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: body.messages, max_tokens: maxTokens });
  return Response.json(r.choices[0].message);
}
