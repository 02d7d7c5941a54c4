// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Fields named `instructions` in a tool result, next to real prompts.
import OpenAI from 'openai';
import { fetchAccountLinks, searchCatalog } from './catalog.js';

const openai = new OpenAI();
const HINT = 'Quote the links verbatim.';

export async function searchTool({ query, apiToken }) {
  const links = await fetchAccountLinks(apiToken);
  // the token only decides whether the hint is added; the text holds no token
  const hint = links ? `\n${HINT}` : '';
  const items = await searchCatalog(query);
  return {
    items,
    // ok: secret-in-system-prompt
    instructions: `Pick one of ${items.length} results.${hint}`,
  };
}

export async function answer(question: string, apiToken: string) {
  const response = await openai.responses.create({
    model: 'gpt-4.1',
    // ruleid: secret-in-system-prompt
    instructions: `You are the catalog assistant. Call the catalog API with token ${apiToken}.`,
    input: question,
  });
  return response.output_text;
}
