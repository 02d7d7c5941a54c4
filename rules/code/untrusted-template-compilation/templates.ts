// @ts-nocheck (fixture: analysed by AISec, not compiled)
import express from 'express';
import Handlebars from 'handlebars';
import _ from 'lodash';
import ejs from 'ejs';
import OpenAI from 'openai';
import { tool } from 'ai';
import { z } from 'zod';

const app = express();
const openai = new OpenAI();
const card = Handlebars.compile('<div class="card">{{title}}</div>');

app.post('/render', (req, res) => {
  // ruleid: untrusted-template-compilation
  const tpl = Handlebars.compile(req.body.template);
  // ok: untrusted-template-compilation
  const safe = card({ title: req.body.title });
  res.send(tpl({}) + safe);
});

app.post('/ejs', (req, res) => {
  const { layout } = req.body;
  // ruleid: untrusted-template-compilation
  res.send(ejs.render(`<main>${layout}</main>`, {}));
});

export async function generatedEmail(topic: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `Email template about ${topic}` }] });
  const body = completion.choices[0].message.content ?? '';
  // ruleid: untrusted-template-compilation
  const render = _.template(body);
  // ok: untrusted-template-compilation
  const fixed = _.template('<p><%- body %></p>');
  return render({}) + fixed({ body });
}

export const renderTool = tool({
  description: 'Render a Handlebars template',
  parameters: z.object({ source: z.string() }),
  execute: async ({ source }) => {
    // ruleid: untrusted-template-compilation
    return Handlebars.compile(source)({});
  },
});
