// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { describe, expect, it } from 'vitest';
import { createGoogle } from './google-provider';

describe('safetySettings', () => {
  it('passes them through', async () => {
    const model = createGoogle()('gemini-pro', {
      // ok: llm-safety-settings-disabled
      safetySettings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', threshold: 'BLOCK_NONE' }],
    });
    expect(await model.body()).toStrictEqual({
      // ok: llm-safety-settings-disabled
      safetySettings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', threshold: 'BLOCK_NONE' }],
    });
  });
});
