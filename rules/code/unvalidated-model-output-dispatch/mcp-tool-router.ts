// @ts-nocheck (fixture: analysed by AISec, not compiled)
// An MCP server that routes `tools/call` to handler tables, in the shapes bundlers and hand-written servers produce.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import OpenAI from 'openai';
import { makeBillingHandlers, makeUserHandlers } from './handlers.js';

const openai = new OpenAI();
const server = new Server({ name: 'ops', version: '1.0.0' }, { capabilities: { tools: {} } });

// tables filled from factories (their keys are not visible here)
var STORAGE_HANDLERS = {};
STORAGE_HANDLERS = loadStorageHandlers();
let ACCOUNT_HANDLERS = { ...makeUserHandlers(), ...makeBillingHandlers() };
ACCOUNT_HANDLERS = { ...ACCOUNT_HANDLERS, audit: async () => 'ok' };
const plugins = {};
export function registerPlugin(name, fn) {
  plugins[name] = fn;
}

class Maintenance {
  async vacuum() { return 'done'; }
  async dropEverything() { return 'gone'; }
}
const maintenance = new Maintenance();

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const toolName = request.params.name;
  if (toolName in STORAGE_HANDLERS) {
    // the name is one of the table's keys: the model picks one of the server's own handlers
    // ok: unvalidated-model-output-dispatch
    return await STORAGE_HANDLERS[toolName](request);
  }
  if (ACCOUNT_HANDLERS[request.params.name]) {
    // ok: unvalidated-model-output-dispatch
    return await ACCOUNT_HANDLERS[request.params.name](request);
  }
  if (toolName in maintenance) {
    // `in` on a class instance is true for every method of its class, dropEverything included
    // ruleid: unvalidated-model-output-dispatch
    return maintenance[toolName]();
  }
  // no check against the table: whatever was registered, or inherited, is reachable
  // ruleid: unvalidated-model-output-dispatch
  return plugins[toolName](request.params.arguments);
});

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const toolName = request.params.name;
  // ok: unvalidated-model-output-dispatch
  return Object.keys(plugins).includes(toolName) ? plugins[toolName](request.params.arguments) : null;
});

export async function routeChecked(request) {
  const name = request.params.name;
  if (!Object.hasOwn(plugins, name)) {
    throw new Error(`Unknown tool: ${name}`);
  }
  try {
    // ok: unvalidated-model-output-dispatch
    return await plugins[name](request.params.arguments);
  } catch (e) {
    return { isError: true, content: [{ type: 'text', text: String(e) }] };
  }
}

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const name = request.params.name;
  // a check of another table says nothing about this one
  if (!(name in STORAGE_HANDLERS)) return { isError: true, content: [] };
  // ruleid: unvalidated-model-output-dispatch
  return plugins[name](request.params.arguments);
});

export class Router {
  async ping() { return 'pong'; }
  async wipe() { return 'wiped'; }
  async run(question) {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
    const name = completion.choices[0].message.tool_calls[0].function.name;
    if (name in this) {
      // every method of the class is `in this`, wipe included
      // ruleid: unvalidated-model-output-dispatch
      return this[name]();
    }
    return null;
  }
}
