// @ts-nocheck (fixture: analysed by AISec, not compiled)
import assert from 'node:assert';
import { GoogleGenerativeAI, HarmBlockThreshold, HarmCategory } from '@google/generative-ai';
import { safetySettingsFor } from './moderation';

// startup self-check (product code): the sandbox profile is relaxed, production is not
assert.deepStrictEqual(safetySettingsFor('sandbox'), [
  // ok: llm-safety-settings-disabled
  { category: HarmCategory.HARM_CATEGORY_HARASSMENT, threshold: 'BLOCK_NONE' },
]);
const expectedSandbox = [
  // ok: llm-safety-settings-disabled
  { category: HarmCategory.HARM_CATEGORY_HATE_SPEECH, threshold: HarmBlockThreshold.BLOCK_NONE },
];
assert.notDeepStrictEqual(safetySettingsFor('production'), expectedSandbox);

export const sandboxModel = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!).getGenerativeModel({
  model: 'gemini-1.5-pro',
  // ruleid: llm-safety-settings-disabled
  safetySettings: [{ category: HarmCategory.HARM_CATEGORY_HARASSMENT, threshold: 'BLOCK_NONE' }],
});
