// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { GoogleGenerativeAI, HarmBlockThreshold, HarmCategory } from '@google/generative-ai';
import { GoogleGenAI, HarmBlockThreshold as Threshold, HarmCategory as Category } from '@google/genai';
import { ChatVertexAI } from '@langchain/google-vertexai';

const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);

export const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  safetySettings: [
    // ruleid: llm-safety-settings-disabled
    { category: HarmCategory.HARM_CATEGORY_HARASSMENT, threshold: HarmBlockThreshold.BLOCK_NONE },
    // ok: llm-safety-settings-disabled
    { category: HarmCategory.HARM_CATEGORY_HATE_SPEECH, threshold: HarmBlockThreshold.BLOCK_ONLY_HIGH },
  ],
});

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function story(prompt: string) {
  const res = await ai.models.generateContent({
    model: 'gemini-2.0-flash',
    contents: prompt,
    config: {
      maxOutputTokens: 1024,
      safetySettings: [
        // ruleid: llm-safety-settings-disabled
        { category: Category.HARM_CATEGORY_DANGEROUS_CONTENT, threshold: Threshold.OFF },
        // ok: llm-safety-settings-disabled (same list as the entry above: one finding)
        { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', threshold: 'BLOCK_NONE' },
        // ok: llm-safety-settings-disabled
        { category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_MEDIUM_AND_ABOVE' },
      ],
    },
  });
  return res.text;
}

export const vertex = new ChatVertexAI({
  model: 'gemini-1.5-pro',
  // ruleid: llm-safety-settings-disabled
  safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: `BLOCK_NONE` }],
});

// ok: llm-safety-settings-disabled
export const alerting = { threshold: 'OFF_PEAK', level: 'OFF' };
