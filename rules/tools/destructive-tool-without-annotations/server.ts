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

// annotations held in a constant, spread into another object, or declared with readOnlyHint: false (MCP then
// defaults destructiveHint to true): the tool declares what it does
const ANNO_READ = { readOnlyHint: true, openWorldHint: true };
const ANNO_WRITE = { readOnlyHint: false, destructiveHint: true, openWorldHint: true } as const;
const ANNO_TITLE_ONLY = { title: 'Shell' };

server.tool(
  // ok: destructive-tool-without-annotations
  'shell_execute',
  'Run shell commands in the current tab and return the output.',
  { command: z.string() },
  ANNO_WRITE,
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'shell_ls',
  'List children of the current directory',
  {},
  ANNO_READ,
  async () => ({ content: [{ type: 'text', text: '' }] }),
);

server.tool(
  // a constant that holds only a title declares nothing
  // ruleid: destructive-tool-without-annotations
  'shell_run',
  'Run a shell command',
  { command: z.string() },
  ANNO_TITLE_ONLY,
  async ({ command }) => ({ content: [{ type: 'text', text: command }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'terminate_app',
  {
    description: 'Terminates a running app on the simulator by bundle identifier',
    inputSchema: { bundleId: z.string() },
    annotations: { title: 'Terminate App', readOnlyHint: false },
  },
  async ({ bundleId }) => ({ content: [{ type: 'text', text: bundleId }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'sql_run_query',
  {
    description: 'Executes an arbitrary SQL statement against the connected database. ' + 'It can read AND modify data.',
    inputSchema: z.object({ query: z.string() }),
    annotations: { ...ANNO_WRITE, title: 'Run SQL' },
  },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

server.registerTool(
  // an annotations object with only a title: MCP's defaults apply, but nothing was declared
  // ruleid: destructive-tool-without-annotations
  'sql_execute',
  {
    description: 'Executes an arbitrary SQL statement against the connected database.',
    inputSchema: z.object({ query: z.string() }),
    annotations: { title: 'Execute SQL' },
  },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

// a confirmation parameter in a schema held in a variable (a shape, z.object(shape), schema.shape)
const deleteGraphSchema = {
  graphName: z.string().describe('The name of the graph to delete'),
  confirmDelete: z.literal(true).describe('Must be set to true to confirm deletion.'),
};
const dropTableSchema = z.object({ table: z.string(), confirm: z.boolean() }).strict();
const deleteRowsSchema = z.object({ table: z.string(), where: z.string() });

server.registerTool(
  // ok: destructive-tool-without-annotations
  'delete_graph',
  {
    title: 'Delete Graph',
    description: 'Permanently delete a graph from the database. You must set confirmDelete to true to proceed.',
    inputSchema: deleteGraphSchema,
  },
  async (args) => ({ content: [{ type: 'text', text: z.object(deleteGraphSchema).parse(args).graphName }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'drop_table',
  'Drop a table from the database',
  dropTableSchema.shape,
  async ({ table }) => ({ content: [{ type: 'text', text: table }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'delete_rows',
  'Delete the rows matching a WHERE clause',
  deleteRowsSchema.shape,
  async ({ table }) => ({ content: [{ type: 'text', text: table }] }),
);

// a handler that refuses anything but a SELECT only reads: a read-only validator (also behind a validateQuery
// method), or a SELECT-prefix check that returns or throws
function validateSelectQuery(sql: string) {
  const normalized = sql.trim().toLowerCase();
  if (!normalized.startsWith('select ')) return { isValid: false, error: 'NOT_SELECT' };
  return { isValid: true };
}
class SqliteConnector {
  validateQuery(sql: string) {
    const result = validateSelectQuery(sql);
    return { isValid: result.isValid };
  }
  async executeQuery(sql: string, readOnly?: boolean) {
    if (readOnly && !/^\s*select\b/i.test(sql)) throw new Error('read-only mode');
    return [];
  }
}
const connector = new SqliteConnector();
const runQuerySchema = { query: z.string().describe('SQL query to execute (SELECT only)') };
async function runQueryToolHandler({ query }: { query: string }) {
  const validation = connector.validateQuery(query);
  if (!validation.isValid) return { content: [{ type: 'text', text: 'Only SELECT is allowed' }], isError: true };
  return { content: [{ type: 'text', text: JSON.stringify(await connector.executeQuery(query)) }] };
}
server.tool(
  // ok: destructive-tool-without-annotations
  'run_query',
  runQuerySchema,
  runQueryToolHandler,
);

server.tool(
  // ok: destructive-tool-without-annotations
  'execute_query_with_url',
  { query: z.string().describe('SQL query to execute (must be a SELECT query)') },
  async ({ query }) => {
    if (!query.trim().toLowerCase().startsWith('select')) {
      return { content: [{ type: 'text', text: 'Error: Only SELECT queries are allowed with this tool.' }] };
    }
    return { content: [{ type: 'text', text: JSON.stringify(await connector.executeQuery(query, true)) }] };
  },
);

server.tool(
  // ok: destructive-tool-without-annotations
  'run_sql',
  { sql: z.string() },
  async ({ sql }) => {
    assertReadOnlySql(sql);
    return { content: [{ type: 'text', text: JSON.stringify(await connector.executeQuery(sql)) }] };
  },
);

server.tool(
  // read_only is a flag the model sets: the check runs only when it asks for it
  // ruleid: destructive-tool-without-annotations
  'execute_query_rw',
  { query: z.string(), read_only: z.boolean().optional() },
  async ({ query, read_only }) => ({ content: [{ type: 'text', text: JSON.stringify(await connector.executeQuery(query, read_only)) }] }),
);

server.tool(
  // a SELECT check that only logs refuses nothing
  // ruleid: destructive-tool-without-annotations
  'execute_statement',
  { sql: z.string() },
  async ({ sql }) => {
    if (!sql.trim().toLowerCase().startsWith('select')) console.error('write statement', sql);
    return { content: [{ type: 'text', text: JSON.stringify(await connector.executeQuery(sql)) }] };
  },
);

// code run by the model provider's hosted code-execution tool runs in the provider's sandbox, not on this host
server.tool(
  // ok: destructive-tool-without-annotations
  'gemini_run_code',
  { prompt: z.string().describe('What you want Gemini to compute. Gemini will write Python code and execute it.') },
  async ({ prompt }) => {
    const response = await genAI.models.generateContent({ model: 'gemini-2.5-pro', contents: [{ text: prompt }], config: { tools: [{ codeExecution: {} }] } });
    return { content: [{ type: 'text', text: response.text ?? '' }] };
  },
);

server.tool(
  // ok: destructive-tool-without-annotations
  'run_python_code',
  'Run Python code in a code interpreter',
  { code: z.string() },
  async ({ code }) => {
    const response = await openai.responses.create({ model: 'gpt-4.1', tools: [{ type: 'code_interpreter', container: { type: 'auto' } }], input: code });
    return { content: [{ type: 'text', text: response.output_text }] };
  },
);

server.tool(
  // the provider writes the code, this handler runs it locally
  // ruleid: destructive-tool-without-annotations
  'gemini_run_code_locally',
  { prompt: z.string() },
  async ({ prompt }) => {
    const response = await genAI.models.generateContent({ model: 'gemini-2.5-pro', contents: [{ text: prompt }], config: { tools: [{ codeExecution: {} }] } });
    return { content: [{ type: 'text', text: execSync(response.text ?? '').toString() }] };
  },
);

// verbs whose object makes them harmless: typing keys is an input event; cookies and caches are rebuilt on use;
// a status change is undone by setting the status again; unblocking and disconnecting undo a block or a connect
server.registerTool(
  // ok: destructive-tool-without-annotations
  'send_keys',
  { description: 'sends keys to an element, aka typing. Clears the field first.', inputSchema: { text: z.string() } },
  async ({ text }) => ({ content: [{ type: 'text', text }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'delete_cookie',
  {
    description: 'deletes cookies from the current browser session. Can delete a specific cookie by name or all cookies.',
    inputSchema: { name: z.string().optional() },
  },
  async ({ name }) => ({ content: [{ type: 'text', text: String(name) }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'gemini-delete-cache',
  { cacheName: z.string().describe('The cache name to delete') },
  async ({ cacheName }) => ({ content: [{ type: 'text', text: cacheName }] }),
);

server.tool(
  // a cache that is a service is infrastructure
  // ruleid: destructive-tool-without-annotations
  'delete_redis_cache',
  'Deletes an Azure Cache for Redis instance',
  { name: z.string() },
  async ({ name }) => ({ content: [{ type: 'text', text: name }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'send_message_keys',
  'Sends the message to the recipients',
  { to: z.string() },
  async ({ to }) => ({ content: [{ type: 'text', text: to }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'terminate',
  'Terminate a task or feature by setting it to WILL_NOT_IMPLEMENT. Bypasses blocked checks.',
  { id: z.string(), version: z.number() },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'unblock',
  'Remove specific blockers from a task or feature.',
  { id: z.string(), blockedBy: z.array(z.string()) },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'manage_graph',
  'Write operations for the knowledge graph. Supports create, update, and delete for atoms and molecules.',
  { operation: z.enum(['create', 'update', 'delete']) },
  async ({ operation }) => ({ content: [{ type: 'text', text: operation }] }),
);

server.registerTool(
  // ok: destructive-tool-without-annotations
  'disconnect-from-editor',
  { description: 'Remove agent presence from the dashboard editor. Call this when done editing.', inputSchema: {} },
  async () => ({ content: [{ type: 'text', text: 'bye' }] }),
);

server.tool(
  // ok: destructive-tool-without-annotations
  'sql-insert-records',
  'Execute an INSERT statement against Azure SQL Database. Requires SQL_ENABLE_INSERT=true.',
  { query: z.string().describe('INSERT SQL statement to execute') },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'sql-update-records',
  'Execute an UPDATE statement against Azure SQL Database. Requires SQL_ENABLE_UPDATE=true.',
  { query: z.string() },
  async ({ query }) => ({ content: [{ type: 'text', text: query }] }),
);

server.tool(
  // ruleid: destructive-tool-without-annotations
  'terminate_instance',
  'Terminate the EC2 instance. Its volumes are deleted.',
  { instanceId: z.string() },
  async ({ instanceId }) => ({ content: [{ type: 'text', text: instanceId }] }),
);

// a tool whose whole configuration is a constant
const REMOVE_DOMAIN_TOOL = {
  title: 'Remove Domain',
  description: 'Remove a domain by ID from the account.',
  inputSchema: { id: z.string() },
};
server.registerTool(
  // ruleid: destructive-tool-without-annotations
  'remove-domain',
  REMOVE_DOMAIN_TOOL,
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);
