import OpenAI from "openai";

const client = new OpenAI();

export async function POST(req: Request) {
  const body = await req.json();
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: body.messages, max_tokens: body.max_tokens });
  return Response.json(r.choices[0].message);
}
