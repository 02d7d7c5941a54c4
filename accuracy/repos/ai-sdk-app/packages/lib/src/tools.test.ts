import { describe, expect, it } from "vitest";
import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV2 } from "ai/test";
import { weatherTool } from "./tools";

describe("weatherTool", () => {
  it("is called by the model", async () => {
    const model = new MockLanguageModelV2({
      doGenerate: async () => ({
        content: [{ type: "tool-call", toolCallId: "c1", toolName: "weather", input: JSON.stringify({ city: "Paris" }) }],
        finishReason: "tool-calls",
        usage: { inputTokens: 3, outputTokens: 10, totalTokens: 13 },
        warnings: [],
      }),
    });
    const r = await generateText({ model, tools: { weather: weatherTool }, prompt: "weather in Paris?", stopWhen: stepCountIs(1) });
    expect(r.toolResults[0].output).toEqual({ city: "Paris", celsius: 15 });
  });
});
