// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A chat-workspace MCP server: the bot token builds the API client; tools return what the API answers.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';

class ChatApi {
  constructor(private readonly token: string) {}
  async listRooms(limit: number) {
    const res = await fetch(`https://chat.example.com/api/rooms?limit=${limit}`, { headers: { Authorization: `Bearer ${this.token}` } });
    return res.json();
  }
}

async function main() {
  const botToken = process.env.CHAT_BOT_TOKEN;
  const api = new ChatApi(botToken);
  const server = new Server({ name: 'chat', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    if (request.params.name === 'list_rooms') {
      const rooms = await api.listRooms(Number(request.params.arguments.limit));
      // ok: mcp-tool-exposes-secrets
      return { content: [{ type: 'text', text: JSON.stringify(rooms) }] };
    }
    if (request.params.name === 'whoami') {
      // ruleid: mcp-tool-exposes-secrets
      return { content: [{ type: 'text', text: JSON.stringify({ token: botToken }) }] };
    }
    throw new Error('unknown tool');
  });
}

main();
