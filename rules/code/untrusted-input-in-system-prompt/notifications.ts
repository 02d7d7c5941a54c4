// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A bot's message store: "system" rows are notifications shown to a user, next to the chat call itself.
import express from 'express';
import OpenAI from 'openai';
import { randomUUID } from 'crypto';
import { db, messages } from './db';

const client = new OpenAI();
const app = express();
app.use(express.json());

app.post('/api/notify', (req, res) => {
  const row = {
    id: randomUUID(),
    chatId: null,
    userId: req.body.userId,
    role: 'system',
    // a notification row stored for the user's inbox: no model reads it
    // ok: untrusted-input-in-system-prompt
    content: req.body.text,
    read: 0,
    createdAt: Date.now(),
  };
  db.insert(messages).values(row).run();
  res.json(row);
});

app.post('/api/chat', async (req, res) => {
  const r = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ruleid: untrusted-input-in-system-prompt
      { role: 'system', content: `You are the support bot of ${req.body.team}.` },
      { role: 'user', content: req.body.text },
    ],
  });
  res.json({ answer: r.choices[0].message.content });
});
