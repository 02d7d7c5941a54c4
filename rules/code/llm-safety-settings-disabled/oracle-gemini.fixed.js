// compiled output of a CLI's Gemini adapter: one settings array that switches off four categories
import { HarmBlockThreshold, HarmCategory } from "@google/genai";
export function buildRequest(body, modelId, contents) {
    const safetySettings = [
        {
            category: HarmCategory.HARM_CATEGORY_HARASSMENT,
            // ruleid: llm-safety-settings-disabled
            threshold: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        },
        {
            category: HarmCategory.HARM_CATEGORY_HATE_SPEECH,
            // ok: llm-safety-settings-disabled (same list: one finding names all four categories)
            threshold: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        },
        {
            category: HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
            // ok: llm-safety-settings-disabled
            threshold: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        },
        {
            category: HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
            // ok: llm-safety-settings-disabled
            threshold: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        },
    ];
    return { model: modelId, contents, config: { maxOutputTokens: body.max_output_tokens, safetySettings } };
}
