// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { Agent, localShellTool, webSearchTool } from '@openai/agents';
import { ShellTool } from '@langchain/community/tools/shell';
import { Calculator } from '@langchain/community/tools/calculator';
import { exec } from 'node:child_process';

export const opsAgent = new Agent({
  name: 'ops',
  instructions: 'Keep the build green.',
  // ruleid: code-execution-tool-enabled
  tools: [localShellTool({ shell: { run: (action) => exec(action.commands.join(' ')) } }), webSearchTool()],
});

// ruleid: code-execution-tool-enabled
export const shell = new ShellTool();
// ok: code-execution-tool-enabled
export const calculator = new Calculator();
// ok: code-execution-tool-enabled
export const researcher = new Agent({ name: 'research', instructions: 'Search the web.', tools: [webSearchTool()] });
