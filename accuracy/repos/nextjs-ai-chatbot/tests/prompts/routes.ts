// Mock model responses used by the e2e tests (no network).
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV2 } from 'ai/test';

export const chatModel = new MockLanguageModelV2({
  doStream: async () => ({
    stream: simulateReadableStream({
      chunks: [
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: "It's just green duh!" },
        { type: 'text-end', id: 't1' },
        { type: 'finish', finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 10, totalTokens: 13 } },
      ],
    }),
  }),
});
