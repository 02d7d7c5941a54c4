// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Test helpers shaped like an agent library's src/test/mockTools.ts: tool factories the unit tests call
// directly or hand to a fake model. Only a tool this file gives to an agent takes the model's arguments.
import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { execSync } from 'node:child_process';

/** Mock calculator: the tests call it with fixed expressions. */
export function createCalculatorTool() {
  return tool(
    async (input) => {
      const { expression } = input as { expression: string };
      // ok: llm-output-code-execution
      const result = eval(expression);
      return { expression, result };
    },
    { name: 'calculator', description: 'Evaluate a mathematical expression', schema: { type: 'object', properties: { expression: { type: 'string' } } } },
  );
}

export const echoTool = tool(
  // ok: llm-output-code-execution
  async ({ text }) => execSync(`echo ${text}`).toString(),
  { name: 'echo', description: 'Echo text' },
);

/** An integration helper that gives a shell tool to a real model: the model chooses the command. */
export function createShellAgent() {
  const shell = tool(
    // ruleid: llm-output-code-execution
    async ({ command }) => execSync(command).toString(),
    { name: 'shell', description: 'Run a shell command' },
  );
  return createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o-mini' }), tools: [shell] });
}
