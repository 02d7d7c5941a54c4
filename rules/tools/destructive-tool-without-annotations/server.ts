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

// verb-first names: the leading verb is the action; 'send' in `get_send_as` is part of the noun send-as
server.tool(
  // ok: destructive-tool-without-annotations
  'get_send_as',
  'Gets the specified send-as alias',
  { sendAsEmail: z.string().describe('The send-as alias to be retrieved') },
  async ({ sendAsEmail }) => ({ content: [{ type: 'text', text: sendAsEmail }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'list_send_as',
  'Lists the send-as aliases for the specified account',
  {},
  async () => ({ content: [{ type: 'text', text: '[]' }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'update_send_as',
  'Updates a send-as alias',
  { sendAsEmail: z.string(), displayName: z.string().optional() },
  async ({ sendAsEmail }) => ({ content: [{ type: 'text', text: sendAsEmail }] }),
);

server.tool(
  // a read verb leads: the verification mail goes to the alias being verified, with the provider's fixed text
  // ok: destructive-tool-without-annotations
  'verify_send_as',
  'Sends a verification email to the specified send-as alias',
  { sendAsEmail: z.string() },
  async ({ sendAsEmail }) => ({ content: [{ type: 'text', text: sendAsEmail }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'delete_send_as',
  'Deletes the specified send-as alias',
  { sendAsEmail: z.string() },
  async ({ sendAsEmail }) => ({ content: [{ type: 'text', text: sendAsEmail }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'send_message',
  'Sends the specified message to the recipients in the To, Cc, and Bcc headers',
  { raw: z.string() },
  async ({ raw }) => ({ content: [{ type: 'text', text: raw }] }),
);

server.tool(
  // an add/edit verb clears the name, but the description still says what the tool does
  // ruleid: destructive-tool-without-annotations
  'create_reply',
  'Sends a reply to the thread on behalf of the user',
  { threadId: z.string(), body: z.string() },
  async ({ threadId }) => ({ content: [{ type: 'text', text: threadId }] }),
);

server.tool(
  // a second clause after 'and' has its own verb
  // ruleid: destructive-tool-without-annotations
  'read_and_delete_message',
  'Returns a message, then removes it',
  { id: z.string() },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

// restoring from the trash undoes a deletion
server.tool(
  // ok: destructive-tool-without-annotations
  'untrash_message',
  'Remove a message from the trash',
  { id: z.string().describe('The ID of the message to remove from trash') },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'delete_message',
  'Immediately and permanently deletes the specified message. This operation cannot be undone.',
  { id: z.string() },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

// a read-only query tool named execute_*: the description says what it runs only reads
server.tool(
  // ok: destructive-tool-without-annotations
  'execute_query',
  'Run a read-only SQL query (SELECT statements). Executed in read-only mode for safety.',
  { sql: z.string().describe('SQL query to execute (SELECT only)') },
  async ({ sql }) => ({ content: [{ type: 'text', text: sql }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'execute_dml',
  'Execute DML statements (INSERT, UPDATE, DELETE). The read-only query tool is execute_query.',
  { sql: z.string() },
  async ({ sql }) => ({ content: [{ type: 'text', text: sql }] }),
);

// stopping a background process this server started itself (it keeps the records) is not killing any process
server.registerTool(
  // ok: destructive-tool-without-annotations
  'kill_background',
  {
    description: 'Stop a tracked background process by PID.',
    inputSchema: { pid: z.number().int().positive().describe('PID of the process to stop.') },
  },
  async ({ pid }) => ({ content: [{ type: 'text', text: String(pid) }] }),
);

server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'kill_process',
  {
    description: 'Terminate any running process by PID.',
    inputSchema: { pid: z.number().int().positive() },
  },
  async ({ pid }) => ({ content: [{ type: 'text', text: String(pid) }] }),
);
