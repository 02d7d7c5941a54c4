// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';

const client = new OpenAI();
const handlers = {
  search: async (args) => `results for ${args.query}`,
  weather: async (args) => `sunny in ${args.city}`,
};
const ActionSchema = z.object({ action: z.enum(['search', 'weather']), args: z.record(z.string()) });

export async function runTools(question: string) {
  const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
  const out = [];
  for (const call of completion.choices[0].message.tool_calls ?? []) {
    const name = call.function.name;
    // ruleid: unvalidated-model-output-dispatch
    out.push(await handlers[name](JSON.parse(call.function.arguments)));
    if (Object.hasOwn(handlers, name)) {
      // ok: unvalidated-model-output-dispatch
      out.push(await handlers[name](JSON.parse(call.function.arguments)));
    }
  }
  return out;
}

export async function runPlan(goal: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: `Plan for ${goal} as JSON` });
  const plan = JSON.parse(text);
  // ruleid: unvalidated-model-output-dispatch
  const mod = require(plan.module);
  // ok: unvalidated-model-output-dispatch
  const { action, args } = ActionSchema.parse(JSON.parse(text));
  // ok: unvalidated-model-output-dispatch
  return handlers[action](args) + mod;
}

export function route(kind: string, payload: unknown) {
  // ok: unvalidated-model-output-dispatch
  return handlers[kind](payload);
}
