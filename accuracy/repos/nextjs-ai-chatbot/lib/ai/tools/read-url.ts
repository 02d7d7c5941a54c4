import { tool } from 'ai';
import { z } from 'zod';

// Lets the model pull a web page into the conversation ("summarize this link").
export const readUrl = tool({
  description: 'Fetch a web page the user mentioned and return its text content',
  inputSchema: z.object({ url: z.string().describe('The URL to fetch') }),
  execute: async ({ url }) => {
    const res = await fetch(url, { redirect: 'follow' });
    const html = await res.text();
    return { url, text: html.replace(/<[^>]+>/g, ' ').slice(0, 20_000) };
  },
});
