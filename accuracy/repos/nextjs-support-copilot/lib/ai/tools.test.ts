import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV2 } from "ai/test";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/db/queries", () => ({
  listOrdersForUser: vi.fn(async () => [{ id: "A-1000001", status: "shipped", totalCents: 4599, createdAt: new Date("2025-01-02") }]),
  getOrderById: vi.fn(async () => null),
  createReturnRequest: vi.fn(async () => ({ ok: true, id: "r1" })),
  listReviews: vi.fn(async () => [{ rating: 5, body: "Runs small, order one size up.", createdAt: new Date("2025-02-01") }]),
  searchHelpArticles: vi.fn(async () => [{ slug: "returns", title: "Returns", body: "You can return items within 30 days." }]),
}));

import * as queries from "@/lib/db/queries";
import { systemPrompt } from "./prompts";
import { createTools } from "./tools";

function modelCalling(toolName: string, input: unknown) {
  return new MockLanguageModelV2({
    doGenerate: async () => ({
      content: [{ type: "tool-call", toolCallId: "c1", toolName, input: JSON.stringify(input) }],
      finishReason: "tool-calls",
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      warnings: [],
    }),
  });
}

describe("support tools", () => {
  beforeEach(() => vi.clearAllMocks());

  it("lists only the signed-in user's orders", async () => {
    const r = await generateText({ model: modelCalling("listMyOrders", { limit: 3 }), tools: createTools("user-1"), prompt: "my orders?", stopWhen: stepCountIs(1) });
    expect(queries.listOrdersForUser).toHaveBeenCalledWith("user-1", 3);
    expect(r.toolResults[0].output).toEqual([{ id: "A-1000001", status: "shipped", total: "$45.99", date: "2025-01-02" }]);
  });

  it("passes the session user to return requests", async () => {
    await generateText({
      model: modelCalling("requestReturn", { orderId: "A-1000001", reason: "arrived broken", confirmed: true }),
      tools: createTools("user-1"),
      prompt: "return it",
      stopWhen: stepCountIs(1),
    });
    expect(queries.createReturnRequest).toHaveBeenCalledWith("user-1", "A-1000001", "arrived broken");
  });

  it("rejects malformed order ids", async () => {
    const r = await generateText({ model: modelCalling("getOrderDetails", { orderId: "1 OR 1=1" }), tools: createTools("user-1"), prompt: "x", stopWhen: stepCountIs(1) });
    expect(queries.getOrderById).not.toHaveBeenCalled();
    expect(r.content.some((c) => c.type === "tool-error")).toBe(true);
  });
});

describe("systemPrompt", () => {
  it("quotes the first name", () => {
    expect(systemPrompt({ name: "Ada Lovelace" }, new Date("2025-03-01"))).toContain('first name is "Ada"');
  });
});
