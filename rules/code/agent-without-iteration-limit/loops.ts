// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import * as readline from 'node:readline/promises';
import { generateText, stepCountIs, hasToolCall, tool } from 'ai';
import { openai as provider } from '@ai-sdk/openai';
import { Agent, run } from '@openai/agents';
import { z } from 'zod';

const openai = new OpenAI();
const anthropic = new Anthropic();
const MAX_STEPS = 8;
const tools = { lookup: tool({ description: 'Look up an order', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => ({ id }) }) };

export async function runConversation(messages) {
  // ruleid: agent-without-iteration-limit
  while (true) {
    const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [], max_tokens: 800 });
    const message = response.choices[0].message;
    messages.push(message);
    if (!message.tool_calls?.length) return message.content;
    for (const call of message.tool_calls) messages.push({ role: 'tool', tool_call_id: call.id, content: '{}' });
  }
}

export async function runBounded(messages) {
  let steps = 0;
  // ok: agent-without-iteration-limit
  while (true) {
    if (++steps > MAX_STEPS) throw new Error('agent did not finish');
    const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [], max_tokens: 800 });
    if (!response.choices[0].message.tool_calls?.length) return response.choices[0].message.content;
  }
}

export async function runFor(messages) {
  // ok: agent-without-iteration-limit
  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 800 });
    if (response.choices[0].finish_reason === 'stop') return response.choices[0].message.content;
  }
  throw new Error('step limit');
}

export async function runClaude(question: string) {
  const messages = [{ role: 'user', content: question }];
  let response = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages, tools: [] });
  // ruleid: agent-without-iteration-limit
  while (response.stop_reason === 'tool_use') {
    messages.push({ role: 'assistant', content: response.content });
    response = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages, tools: [] });
  }
  return response;
}

export async function repl() {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  // ok: agent-without-iteration-limit
  for (;;) {
    const question = await rl.question('> ');
    const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], max_tokens: 500 });
    console.log(reply.choices[0].message.content);
  }
}

async function agentStep(messages) {
  const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [], max_tokens: 800 });
  const message = response.choices[0].message;
  if (message.tool_calls?.length) {
    messages.push(message);
    // ruleid: agent-without-iteration-limit
    return agentStep(messages);
  }
  return message.content;
}

async function boundedStep(messages, depth = 0) {
  if (depth >= MAX_STEPS) throw new Error('too many rounds');
  const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, tools: [], max_tokens: 800 });
  // ok: agent-without-iteration-limit
  if (response.choices[0].message.tool_calls?.length) return boundedStep(messages, depth + 1);
  return response.choices[0].message.content;
}

export async function aiSdk(prompt: string) {
  const model = provider('gpt-4o-mini');
  // ruleid: agent-without-iteration-limit
  const a = await generateText({ model, tools, prompt, maxOutputTokens: 800, stopWhen: stepCountIs(1000) });
  const b = await generateText({
    model, tools, prompt, maxOutputTokens: 800,
    // ruleid: agent-without-iteration-limit
    stopWhen: hasToolCall('finalAnswer'),
  });
  // ok: agent-without-iteration-limit
  const c = await generateText({ model, tools, prompt, maxOutputTokens: 800, stopWhen: [stepCountIs(10), hasToolCall('finalAnswer')] });
  // ok: agent-without-iteration-limit
  const d = await generateText({ model, tools, prompt, maxOutputTokens: 800 });
  // ruleid: agent-without-iteration-limit
  const e = await generateText({ model, tools, prompt, maxTokens: 800, maxSteps: 500 });
  return [a, b, c, d, e, agentStep, boundedStep];
}

export async function openaiAgents(input: string) {
  const agent = new Agent({ name: 'Assistant', instructions: 'Answer billing questions.' });
  // ruleid: agent-without-iteration-limit
  const unbounded = await run(agent, input, { maxTurns: Infinity });
  // ok: agent-without-iteration-limit
  const bounded = await run(agent, input, { maxTurns: 10 });
  return [unbounded, bounded];
}

// A retry of one request: the loop goes round only when the request failed and the error is recoverable.
export async function createWithRetry(params, isRecoverable) {
  // ok: agent-without-iteration-limit
  for (;;) {
    const request = anthropic.messages.create({ ...params, max_tokens: 1024 });
    try {
      const message = await request;
      return message;
    } catch (error) {
      if (!isRecoverable(error)) throw error;
    }
  }
}

// The loop continues after a successful answer (the model's tool calls drive it): an agent loop.
export async function toolLoop(messages) {
  // ruleid: agent-without-iteration-limit
  for (;;) {
    const response = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages });
    try {
      messages.push({ role: 'assistant', content: response.content });
    } catch (error) {
      throw error;
    }
    if (response.stop_reason !== 'tool_use') return response;
  }
}
