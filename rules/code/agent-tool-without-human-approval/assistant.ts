// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { Agent, run, tool } from '@openai/agents';
import fs from 'node:fs';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });

export const sendEmail = tool({
  // ruleid: agent-tool-without-human-approval
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

const agent = new Agent({ name: 'support', tools: [sendEmail, deleteUpload, cancelOrder, lookupOrder] });
await run(agent, 'Handle the latest ticket');
