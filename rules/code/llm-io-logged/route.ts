// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import pino from 'pino';

const openai = new OpenAI();
const logger = pino();

export async function POST(req: Request) {
  const { question, history } = await req.json();
  const messages = [{ role: 'system', content: 'You are the Acme support assistant.' }, ...history, { role: 'user', content: question }];
  // ruleid: llm-io-logged
  console.log('calling OpenAI with', { model: 'gpt-4o-mini', messages });
  // ok: llm-io-logged
  logger.info({ turns: messages.length }, 'chat request');
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 400 });
  // ruleid: llm-io-logged
  console.debug(JSON.stringify(completion));
  const answer = completion.choices[0].message.content;
  // ruleid: llm-io-logged
  logger.info({ answer }, 'model answered');
  // ok: llm-io-logged
  logger.info({ tokens: completion.usage?.total_tokens, id: completion.id }, 'chat done');
  return Response.json({ answer });
}
