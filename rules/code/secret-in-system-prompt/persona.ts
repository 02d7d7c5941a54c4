// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { SystemMessage } from '@langchain/core/messages';
import config from 'config';

const apiKey = process.env.OPENAI_API_KEY;
const client = new OpenAI({ apiKey });
const GITHUB_TOKEN = process.env.GITHUB_TOKEN;
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);

export function buildSystemPrompt(user) {
  // ruleid: secret-in-system-prompt
  return `You help ${user.firstName} with their account. Their SSN is ${user.ssn}.`;
}

function customerFacts(user) {
  return `Card on file: ${user.creditCardNumber}`;
}

export async function support(user, question: string) {
  const a = await generateText({
    model: openai('gpt-4o'),
    // ruleid: secret-in-system-prompt
    system: `You issue refunds with the key ${process.env.STRIPE_SECRET_KEY}.`,
    prompt: question,
  });
  const b = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: secret-in-system-prompt
      { role: 'developer', content: `Open issues with the token ${GITHUB_TOKEN}.` },
      // ruleid: secret-in-system-prompt
      { role: 'system', content: customerFacts(user) },
      // ok: secret-in-system-prompt
      { role: 'system', content: `You help ${user.firstName}. Plan: ${user.plan}. Answer in ${user.locale}.` },
      { role: 'user', content: question },
    ],
  });
  // ok: secret-in-system-prompt
  const c = await generateText({ model: openai('gpt-4o'), system: buildSystemPrompt(user), prompt: question });
  return [a, b, c];
}

export async function ops(question: string) {
  const model = genAI.getGenerativeModel({
    model: 'gemini-1.5-pro',
    // ruleid: secret-in-system-prompt
    systemInstruction: `Query the warehouse with ${config.get('warehouse.dbPassword')}.`,
  });
  // ruleid: secret-in-system-prompt
  const verify = new SystemMessage(`The user's password is ${user.password}; compare it with what they type.`);
  // ok: secret-in-system-prompt
  const ok = new SystemMessage(`You have ${maxTokens} tokens. Is an API key configured: ${Boolean(apiKey)}.`);
  return [await model.generateContent(question), verify, ok];
}
