// @ts-nocheck (fixture: analysed by AISec, not compiled)
// An image-generation MCP server: the SDK client is constructed with the key; the tools return what the API sends back.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import Painter from 'replicate';

const server = new Server({ name: 'painter', version: '0.1.0' }, { capabilities: { tools: {} } });
const painter = new Painter.Client(process.env.PAINTER_API_KEY);

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  if (request.params.name === 'generate_image') {
    const { prompt, model = 'flux' } = request.params.arguments;
    const job = await painter.v1.generations.create(model, prompt, { count: 1 });
    const done = await painter.v1.generations.waitFor(job.id);
    return {
      // the API's answer (an image URL) and the model's own prompt: the key stays inside the client
      // ok: mcp-tool-exposes-secrets
      content: [{ type: 'text', text: `Generated with ${model}.\nPrompt: "${prompt}"\nImage: ${done.image_url}` }],
    };
  }
  if (request.params.name === 'debug_client') {
    return {
      // the credential the client was constructed with
      // ruleid: mcp-tool-exposes-secrets
      content: [{ type: 'text', text: `client key: ${painter.apiKey}` }],
    };
  }
  throw new Error('unknown tool');
});
