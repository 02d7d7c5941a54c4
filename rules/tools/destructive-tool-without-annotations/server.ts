// @ts-nocheck: rule fixture, never compiled
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'shell', version: '1.0.0' });

server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'run_command',
  {
    title: 'Run command',
    description: 'Run a command in the project directory',
    inputSchema: { command: z.enum(['test', 'lint']) },
  },
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'remove_branch',
  {
    description: 'Remove a local git branch',
    inputSchema: { branch: z.string() },
    annotations: { destructiveHint: true, openWorldHint: false },
  },
  async ({ branch }) => ({ content: [{ type: 'text', text: branch }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'publish_package',
  'Publish the package to the registry',
  { tag: z.string() },
  { title: 'Publish' },
  async ({ tag }) => ({ content: [{ type: 'text', text: tag }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'push_branch',
  'Push the current branch to origin',
  { branch: z.string() },
  { destructiveHint: true },
  async ({ branch }) => ({ content: [{ type: 'text', text: branch }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'git_status',
  'Show the working tree status',
  async () => ({ content: [{ type: 'text', text: 'clean' }] }),
);

// run/execute only compute something unless what they run is a command, script, code or query
server.tool(
  // ok: destructive-tool-without-annotations
  'run_assertion',
  { output: z.string(), assertion: z.object({ type: z.string(), value: z.string() }) },
  async ({ output }) => ({ content: [{ type: 'text', text: output }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'run_evaluation',
  'Run an evaluation of the configured prompts against the test cases',
  { configPath: z.string().optional() },
  async ({ configPath }) => ({ content: [{ type: 'text', text: String(configPath) }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'run',
  'Run anything the agent asks for',
  { input: z.string() },
  async ({ input }) => ({ content: [{ type: 'text', text: input }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'execute_sql',
  { sql: z.string() },
  async ({ sql }) => ({ content: [{ type: 'text', text: sql }] }),
);

server.tool(
  // a red-team run sends test prompts to the configured targets and reports: it changes no data or host
  // ok: destructive-tool-without-annotations
  'redteam_run',
  { configPath: z.string().optional() },
  async ({ configPath }) => ({ content: [{ type: 'text', text: String(configPath) }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'start_job',
  'Execute the given shell command in a new job',
  { command: z.string() },
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'read_query',
  'Execute a SELECT query on the SQLite database',
  { query: z.string() },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'write_query',
  'Execute an INSERT, UPDATE, or DELETE query on the SQLite database',
  { query: z.string() },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'db_query',
  'Execute a SQL query on the database',
  { query: z.string() },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

// membership changes: taking an entry out of a queue or a cart undoes an add; the entry is not destroyed
server.tool(
  // ok: destructive-tool-without-annotations
  'lower_hand',
  'Remove a participant from the hand-raise queue.',
  { participantId: z.string() },
  async ({ participantId }) => ({ content: [{ type: 'text', text: participantId }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'remove_from_cart',
  'Take an item out of the shopping cart',
  { sku: z.string() },
  async ({ sku }) => ({ content: [{ type: 'text', text: sku }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'clear_recording',
  'Remove the meeting recording from storage.',
  { recordingId: z.string() },
  async ({ recordingId }) => ({ content: [{ type: 'text', text: recordingId }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'remove_participant_data',
  'Erase what was stored about a participant',
  { participantId: z.string() },
  async ({ participantId }) => ({ content: [{ type: 'text', text: participantId }] }),
);
