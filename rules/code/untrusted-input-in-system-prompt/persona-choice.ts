// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import express from 'express';

const client = new OpenAI();
const PERSONAS = new Set(['Ada', 'Linus', 'Grace']);
const TONES = ['formal', 'casual'];

// the persona is one of the allow-listed names, or the default: no request text reaches the system role
function systemFor(persona: string, tone: string) {
  const name = PERSONAS.has(persona) ? persona : 'Ada';
  const style = TONES.includes(tone) ? tone : 'formal';
  // ok: untrusted-input-in-system-prompt
  return `You are ${name}, the helpdesk agent. Write in a ${style} tone.`;
}

// a check of another value does not make this one safe
function systemLoose(persona: string, tone: string) {
  const name = PERSONAS.has(tone) ? persona : 'Ada';
  return `You are ${name}, the helpdesk agent.`;
}

export const router = express.Router();
router.post('/chat', async (req, res) => {
  const { persona, tone, message } = req.body;
  const a = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: systemFor(persona, tone) }, { role: 'user', content: message }],
  });
  const b = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    // ruleid: untrusted-input-in-system-prompt
    messages: [{ role: 'system', content: systemLoose(persona, tone) }, { role: 'user', content: message }],
  });
  res.json({ a, b });
});
