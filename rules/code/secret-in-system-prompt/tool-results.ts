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

export async function plannerAgent(goal: string, apiToken: string) {
  // the catalog and the account come back together; only the catalog reaches the prompt
  const [items, account] = await Promise.all([searchCatalog(goal), fetchAccountLinks(apiToken)]);
  const [catalogKey, region] = [process.env.CATALOG_API_KEY, 'eu-west-1'];
  const response = await openai.responses.create({
    model: 'gpt-4.1',
    // ok: secret-in-system-prompt
    instructions: `Plan with these ${items.length} catalog items for the ${account ? 'linked' : 'guest'} account.`,
    input: goal,
  });
  const second = await openai.responses.create({
    model: 'gpt-4.1',
    // ruleid: secret-in-system-prompt
    instructions: `Query the ${region} catalog with key ${catalogKey}.`,
    input: response.output_text,
  });
  return second.output_text;
}
