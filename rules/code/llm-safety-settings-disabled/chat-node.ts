// A low-code platform's chat-model node: the settings form offers every threshold as a choice, and the
// configured value is applied when the node is built.
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { HarmBlockThreshold, HarmCategory } from '@google/generative-ai';

export const inputs = [
  {
    label: 'Harm Block Threshold',
    name: 'harmBlockThreshold',
    type: 'options',
    options: [
      {
        label: 'None',
        // ok: llm-safety-settings-disabled
        name: HarmBlockThreshold.BLOCK_NONE,
        description: 'Always show regardless of probability of unsafe content',
      },
      { label: 'Low and Above', name: HarmBlockThreshold.BLOCK_LOW_AND_ABOVE, description: 'Block low and above' },
    ],
    default: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
  },
];

export function build(apiKey: string) {
  return new ChatGoogleGenerativeAI({
    apiKey,
    model: 'gemini-2.0-flash',
    safetySettings: [
      // the node itself switches the filter off: a configured threshold
      // ruleid: llm-safety-settings-disabled
      { category: HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT, threshold: HarmBlockThreshold.BLOCK_NONE },
    ],
  });
}
