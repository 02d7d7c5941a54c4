// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A gateway that relays MCP `sampling/createMessage` requests to the connected client's model.
import { SamplingBroker } from './sampling.js';

const broker = new SamplingBroker();

export class Gateway {
  async handleCreateMessage(request) {
    const params = request.params;
    if (!params?.messages || !params?.maxTokens) throw new Error('messages and maxTokens are required');
    return broker.createMessage({
      messages: params.messages,
      maxTokens: params.maxTokens,
      // the requester's own system prompt for its own request: the protocol's field, relayed unchanged
      // ok: untrusted-input-in-system-prompt
      systemPrompt: params.systemPrompt,
      temperature: params.temperature,
    });
  }

  async handleSummarise(request) {
    const params = request.params;
    return broker.createMessage({
      messages: [{ role: 'user', content: { type: 'text', text: 'Summarise the ticket.' } }],
      maxTokens: 400,
      // another field of the request written into the system prompt the gateway sets
      // ruleid: untrusted-input-in-system-prompt
      systemPrompt: `You summarise tickets for ${params.team}. Follow: ${params.systemPrompt}`,
    });
  }
}
