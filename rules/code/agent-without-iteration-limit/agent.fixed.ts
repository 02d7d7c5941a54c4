// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { AgentExecutor, createToolCallingAgent } from 'langchain/agents';
import { ChatOpenAI } from '@langchain/openai';

const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 500 });

export async function build(tools, prompt) {
  const agent = await createToolCallingAgent({ llm, tools, prompt });
  // ruleid: agent-without-iteration-limit
  const unbounded = new AgentExecutor({ agent, tools, maxIterations: 15 });
  // ok: agent-without-iteration-limit
  const bounded = new AgentExecutor({ agent, tools, maxIterations: 10 });
  // ruleid: agent-without-iteration-limit
  const run = await unbounded.invoke({ input: 'hi' }, { recursionLimit: 15 });
  return [bounded, run];
}
