// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { describe, expect, it } from 'vitest';
import { FakeContentGenerator } from '../fakeContentGenerator';

describe('FakeContentGenerator', () => {
  it('returns the recorded responses in order', async () => {
    const generator = new FakeContentGenerator([{ candidates: [] }]);
    // ok: llm-call-without-token-limit
    const response = await generator.generateContent({}, 'prompt-id');
    // ok: llm-call-without-token-limit
    const stream = await generator.generateContentStream({ model: 'fake', stream: true }, 'prompt-id');
    // ok: llm-call-without-token-limit
    const real = await generator.generateContent({ model: 'test-model', contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, 'prompt-id');
    expect(response).toEqual({ candidates: [] });
    return [stream, real];
  });
});
