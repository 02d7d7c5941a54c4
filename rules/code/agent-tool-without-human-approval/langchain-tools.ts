// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { GmailSendMessage } from '@langchain/community/tools/gmail';
import { WriteFileTool, ReadFileTool } from 'langchain/tools';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { promises as fsp } from 'node:fs';
import { z } from 'zod';

// ruleid: agent-tool-without-human-approval
const gmail = new GmailSendMessage({ credentials: { keyfile: 'creds.json' } });
// ruleid: agent-tool-without-human-approval
const writer = new WriteFileTool({ store });
// ok: agent-tool-without-human-approval
const reader = new ReadFileTool({ store });

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

