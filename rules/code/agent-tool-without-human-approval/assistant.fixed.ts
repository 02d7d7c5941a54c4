// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { Agent, run, tool } from '@openai/agents';
import { GmailSendMessage } from '@langchain/community/tools/gmail';
import { WriteFileTool, ReadFileTool } from 'langchain/tools';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { promises as fsp } from 'node:fs';
import fs from 'node:fs';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });

// ruleid: agent-tool-without-human-approval
const gmail = new GmailSendMessage({ credentials: { keyfile: 'creds.json' } });
// ruleid: agent-tool-without-human-approval
const writer = new WriteFileTool({ store });
// ok: agent-tool-without-human-approval
const reader = new ReadFileTool({ store });

export const sendEmail = tool({
  // ruleid: agent-tool-without-human-approval
  needsApproval: true,
  name: 'send_email',
  description: 'Send an email to a customer',
  parameters: z.object({ to: z.string(), body: z.string() }),
  execute: async ({ to, body }) => {
    await transporter.sendMail({ from: 'support@example.com', to, text: body });
    return 'sent';
  },
});

export const deleteUpload = tool({
  // ruleid: agent-tool-without-human-approval
  needsApproval: true,
  name: 'delete_upload', description: 'Delete an uploaded file', parameters: z.object({ id: z.string() }),
  async execute({ id }) {
    fs.unlinkSync(`/srv/uploads/${id}`);
    return 'deleted';
  },
});

export const cancelOrder = tool({
  // ok: agent-tool-without-human-approval
  name: 'cancel_order',
  description: 'Cancel an order after a person approves it',
  parameters: z.object({ orderId: z.string() }),
  needsApproval: true,
  execute: async ({ orderId }) => {
    await fetch(`https://shop.internal/orders/${orderId}`, { method: 'DELETE' });
    return 'cancelled';
  },
});

export const lookupOrder = tool({
  // ok: agent-tool-without-human-approval
  name: 'lookup_order',
  description: 'Read an order',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => (await fetch(`https://shop.internal/orders/${orderId}`)).json(),
});

export const webhook = new DynamicStructuredTool({
  // ruleid: agent-tool-without-human-approval
  name: 'post_webhook',
  description: 'Notify a webhook',
  schema: z.object({ url: z.string(), text: z.string() }),
  func: async ({ url, text }) => {
    const res = await fetch(url, { method: 'POST', body: JSON.stringify({ text }) });
    return res.statusText;
  },
});

export const saveNote = new DynamicStructuredTool({
  // ok: agent-tool-without-human-approval
  name: 'read_note',
  description: 'Read a note',
  schema: z.object({ name: z.string() }),
  func: async ({ name }) => fsp.readFile(`/srv/notes/${name}`, 'utf8'),
});

const agent = new Agent({ name: 'support', tools: [sendEmail, deleteUpload, cancelOrder, lookupOrder] });
await run(agent, 'Handle the latest ticket');
