// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A library's agent factory: the recursion limit it sets is the default of the agent it hands back; every caller
// runs the agent and can pass its own recursionLimit per call.
import { createAgent } from 'langchain';

export function createResearchAgent(params) {
  const { model, tools, name } = params;
  return createAgent({ model, tools, name }).withConfig({
    // ok: agent-without-iteration-limit
    recursionLimit: 1e4,
    metadata: { lc_agent_name: name },
  });
}

export const createWriterAgent = (model, tools) =>
  // ok: agent-without-iteration-limit
  createAgent({ model, tools }).withConfig({ recursionLimit: 5000 });

export function createReviewerAgent(model, tools) {
  // ok: agent-without-iteration-limit
  const agent = createAgent({ model, tools }).withConfig({ recursionLimit: 2000 });
  return agent;
}

// no bound at all is still reported, even as a factory default
export function createLooseAgent(model, tools) {
  // ruleid: agent-without-iteration-limit
  return createAgent({ model, tools }).withConfig({ recursionLimit: Infinity });
}

// the application's own agent, run as it is: the large default is the limit of every run
// ruleid: agent-without-iteration-limit
export const supportAgent = createAgent({ model: 'openai:gpt-4o', tools: [] }).withConfig({ recursionLimit: 1e4 });

export async function answer(question) {
  // ruleid: agent-without-iteration-limit
  return supportAgent.invoke({ messages: [{ role: 'user', content: question }] }, { recursionLimit: 10000 });
}
