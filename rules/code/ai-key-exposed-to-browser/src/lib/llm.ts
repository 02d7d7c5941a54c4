// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Vite + SvelteKit front-end helpers
import { GoogleGenerativeAI } from '@google/generative-ai';
import { Mistral } from '@mistralai/mistralai';
// ruleid: ai-key-exposed-to-browser
import { PUBLIC_OPENROUTER_API_KEY, PUBLIC_SITE_NAME } from '$env/static/public';

// ruleid: ai-key-exposed-to-browser
const genAI = new GoogleGenerativeAI(import.meta.env.VITE_GEMINI_API_KEY);
// ruleid: ai-key-exposed-to-browser
const mistral = new Mistral({ apiKey: import.meta.env.VITE_MISTRAL_KEY as string });
// ok: ai-key-exposed-to-browser
const apiBase = import.meta.env.VITE_API_BASE_URL;
// ok: ai-key-exposed-to-browser
const mode = import.meta.env.MODE;

const {
  // ruleid: ai-key-exposed-to-browser
  VITE_HF_TOKEN: hfToken,
  // ok: ai-key-exposed-to-browser
  VITE_SENTRY_DSN: sentryDsn,
} = import.meta.env;

export async function summarise(text: string) {
  const res = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${PUBLIC_OPENROUTER_API_KEY}`, 'X-Title': PUBLIC_SITE_NAME },
    body: JSON.stringify({ model: 'meta-llama/llama-3.1-8b-instruct', messages: [{ role: 'user', content: text }] }),
  });
  return res.json();
}

// the safe shape: the browser calls our own endpoint, the key stays on the server
export async function summariseViaBackend(text: string) {
  // ok: ai-key-exposed-to-browser
  const res = await fetch(`${apiBase}/api/summarise`, { method: 'POST', body: JSON.stringify({ text }) });
  return res.json();
}
