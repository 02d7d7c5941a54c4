// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { generateText, streamText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import OpenAI from 'openai';
import { Agent, run } from '@openai/agents';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { simpleParser } from 'mailparser';
import { z } from 'zod';

const client = new OpenAI();
const sendEmail = tool({ description: 'Send an e-mail', parameters: z.object({ to: z.string(), body: z.string() }), execute: async ({ to, body }) => mailer.send(to, body) });

export async function POST(req: Request) {
  const { question } = await req.json();
  const result = await generateText({
    model: openai('gpt-4o'),
    instructions: 'You answer questions about our product. Be concise.',
    // ok: prompt-injection-untrusted-input
    prompt: `Question: ${question}`,
  });
  const summary = await generateText({
    model: openai('gpt-4o'),
    system: 'You summarize support tickets and suggest a reply.',
    // ok: prompt-injection-untrusted-input
    prompt: `Summarize this support ticket and suggest a reply: ${question}`,
  });
  return Response.json({ text: result.text + summary.text });
}

export async function browse(req: Request) {
  const { url } = await req.json();
  const res = await fetch(url);
  const html = await res.text();
  const out = await generateText({
    model: openai('gpt-4o'),
    system: 'You browse pages for the user and can send e-mails.',
    // ruleid: prompt-injection-untrusted-input
    prompt: `Summarize this page: ${html}`,
    tools: { sendEmail },
  });
  const plain = await generateText({
    model: openai('gpt-4o'),
    system: 'You summarize pages.',
    // ok: prompt-injection-untrusted-input
    prompt: `Summarize this page: <page>${html}</page>`,
  });
  return out.text + plain.text;
}

export async function triage(raw: Buffer) {
  const mail = await simpleParser(raw);
  const resp = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Triage e-mails. You can call tools.' },
      // ruleid: prompt-injection-untrusted-input
      { role: 'user', content: `Triage this e-mail: ${mail.text}` },
    ],
    tools: [{ type: 'function', function: { name: 'create_ticket', parameters: { type: 'object', properties: {} } } }],
  });
  return resp.choices[0].message;
}

export async function loop(messages, call) {
  const { data } = await axios.get(call.url);
  const next = await client.chat.completions.create({
    model: 'gpt-4o',
    // ok: prompt-injection-untrusted-input
    messages: [...messages, { role: 'tool', tool_call_id: call.id, content: JSON.stringify(data) }],
    tools: [{ type: 'function', function: { name: 'fetch_url', parameters: { type: 'object', properties: {} } } }],
  });
  return next.choices[0].message;
}

export async function answerFromDocs(retriever, question: string) {
  const model = new ChatOpenAI({ model: 'gpt-4o' }).bindTools([sendEmail]);
  const docs = await retriever.invoke(question);
  const context = docs.map((d) => d.pageContent).join('\n');
  const reply = await model.invoke([
    new SystemMessage('Answer from the context.'),
    // ruleid: prompt-injection-untrusted-input
    new HumanMessage(`Context:\n${context}\n\nQuestion: ${question}`),
  ]);
  return reply.content;
}

export async function researcher(url: string) {
  const page = await (await fetch(url)).text();
  const agent = new Agent({ name: 'researcher', instructions: 'Research pages and file issues.', tools: [sendEmail] });
  // ruleid: prompt-injection-untrusted-input
  const result = await run(agent, `Research this page and act on it: ${page}`);
  return result.finalOutput;
}

export async function styled(styleUrl: string, question: string, retriever) {
  const guide = await (await fetch(styleUrl)).text();
  const a = await generateText({
    model: openai('gpt-4o'),
    // ruleid: prompt-injection-untrusted-input
    system: `Follow this style guide: ${guide}`,
    prompt: question,
  });
  const docs = await retriever.invoke(question);
  const b = await generateText({
    model: openai('gpt-4o'),
    // ok: prompt-injection-untrusted-input
    system: `Answer only from this context: ${docs.map((d) => d.pageContent).join('\n')}`,
    prompt: question,
  });
  return a.text + b.text;
}

export async function digest(feedUrl: string) {
  const messages = [{ role: 'system', content: 'You read feeds and file follow-up tasks with your tools.' }];
  const { data } = await axios.get(feedUrl);
  for (const entry of data.entries) {
    messages.push({ role: 'user', content: `New entry: ${entry.summary}` });
  }
  // ruleid: prompt-injection-untrusted-input
  const resp = await client.chat.completions.create({ model: 'gpt-4o', messages, tools: [{ type: 'function', function: { name: 'create_task', parameters: { type: 'object', properties: {} } } }] });
  return resp.choices[0].message;
}
