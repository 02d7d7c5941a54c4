// @ts-nocheck (fixture: analysed by AISec, not compiled)
'use client';

import { useState } from 'react';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import Groq from 'groq-sdk';

const openai = new OpenAI({
  // ruleid: ai-key-exposed-to-browser
  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,
  // ruleid: ai-key-exposed-to-browser
  dangerouslyAllowBrowser: true,
});

// ruleid: ai-key-exposed-to-browser
const anthropic = new Anthropic({ apiKey: process.env['NEXT_PUBLIC_ANTHROPIC_API_KEY'], dangerouslyAllowBrowser: true });

const groq = new Groq({
  // ruleid: ai-key-exposed-to-browser
  apiKey: process.env.NEXT_PUBLIC_GROQ_API_KEY!,
  // ok: ai-key-exposed-to-browser
  dangerouslyAllowBrowser: false,
});

// ok: ai-key-exposed-to-browser
const supabaseKey = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
// ok: ai-key-exposed-to-browser
const siteUrl = process.env.NEXT_PUBLIC_OPENAI_PROXY_URL;

// the user's own key typed into the page is still sent from the browser
export function clientFor(apiKey: string) {
  // ruleid: ai-key-exposed-to-browser
  return new OpenAI({ apiKey, dangerouslyAllowBrowser: true });
}

export function ChatWidget() {
  const [answer, setAnswer] = useState('');
  async function ask(question: string) {
    const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], max_tokens: 300 });
    setAnswer(res.choices[0].message.content ?? '');
  }
  return <button onClick={() => ask('hello')}>{answer || 'Ask'}</button>;
}
