// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { NextRequest, NextResponse } from 'next/server';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { SystemMessage, HumanMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import express from 'express';

const client = new OpenAI();
const anthropic = new Anthropic();
const SYSTEM = 'You are the ACME support bot. Only answer questions about ACME.';

export async function POST(req: NextRequest) {
  const { message, persona } = await req.json();
  const result = streamText({
    model: openai('gpt-4o'),
    // ruleid: untrusted-input-in-system-prompt
    system: `${SYSTEM} Adopt this persona: ${persona}`,
    // ok: untrusted-input-in-system-prompt
    prompt: message,
  });
  return result.toTextStreamResponse();
}

export async function GET(req: NextRequest) {
  const lang = req.nextUrl.searchParams.get('lang') ?? 'en';
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    // ok: untrusted-input-in-system-prompt
    system: SYSTEM,
    // ok: untrusted-input-in-system-prompt
    messages: [{ role: 'user', content: `Reply in ${lang}: hello` }],
  });
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ruleid: untrusted-input-in-system-prompt
      { role: 'system', content: SYSTEM + ' Reply in ' + lang },
      { role: 'user', content: text },
    ],
  });
  return NextResponse.json({ text, other: completion.choices[0].message.content });
}

const app = express();
app.post('/ask', async (req, res) => {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    // ruleid: untrusted-input-in-system-prompt
    system: `You are helping ${req.body.name}`,
    messages: [{ role: 'user', content: req.body.question }],
  });
  const prompt = ChatPromptTemplate.fromMessages([
    // ruleid: untrusted-input-in-system-prompt
    ['system', `Expert in ${req.query.topic}`],
    // ok: untrusted-input-in-system-prompt
    ['human', '{question}'],
  ]);
  // ruleid: untrusted-input-in-system-prompt
  const sys = new SystemMessage(`Preferences: ${req.body.prefs}`);
  // ok: untrusted-input-in-system-prompt
  const human = new HumanMessage(req.body.question);
  res.json({ msg, prompt, sys, human });
});
