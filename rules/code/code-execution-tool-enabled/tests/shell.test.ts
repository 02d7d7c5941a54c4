// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { describe, it, expect } from 'vitest';
import { ShellTool } from '@langchain/community/tools/shell';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { FakeListChatModel } from '@langchain/core/utils/testing';

describe('ShellTool', () => {
  it('runs a command', async () => {
    // ok: code-execution-tool-enabled
    const tool = new ShellTool();
    expect(await tool.invoke('echo hi')).toBe('hi\n');
  });

  it('is given to an agent', async () => {
    // ruleid: code-execution-tool-enabled
    const shell = new ShellTool();
    const agent = createReactAgent({ llm: new FakeListChatModel({ responses: ['ls'] }), tools: [shell] });
    await agent.invoke({ messages: [{ role: 'user', content: 'list files' }] });
  });
});
