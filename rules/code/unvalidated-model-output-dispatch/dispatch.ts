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
const registry: Record<string, (args: unknown) => Promise<string>> = {};
export function registerPlugin(name: string, fn: (args: unknown) => Promise<string>) {
  registry[name] = fn;
}
const ActionSchema = z.object({ action: z.enum(['search', 'weather']), args: z.record(z.string()) });

export async function runTools(question: string) {
  const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
  const out = [];
  for (const call of completion.choices[0].message.tool_calls ?? []) {
    const name = call.function.name;
    // a const object literal: its two functions are the allow-list (unknown names throw)
    // ok: unvalidated-model-output-dispatch
    out.push(await handlers[name](JSON.parse(call.function.arguments)));
    // a registry plugins add to at run time: the set of reachable functions is not in the source
    // ruleid: unvalidated-model-output-dispatch
    out.push(await registry[name](JSON.parse(call.function.arguments)));
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

export class Toolbox {
  async search(q: string) { return `results for ${q}`; }
  async purgeAll() { return 'deleted'; }
  async run(question: string) {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
    const plan = JSON.parse(completion.choices[0].message.content ?? '{}');
    // every method of the class, including purgeAll, is reachable
    // ruleid: unvalidated-model-output-dispatch
    return this[plan.tool](plan.arg);
  }
}
