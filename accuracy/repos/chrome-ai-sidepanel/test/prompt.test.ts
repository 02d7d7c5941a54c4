import { describe, expect, it } from "vitest";
import { pageBlock, questionMessages, summarizeMessages } from "../src/lib/prompt";

const page = { title: 'Release "notes"', url: "https://example.com/notes", text: "Version 2 adds dark mode." };

describe("prompt builders", () => {
  it("wraps the page in a data block", () => {
    expect(pageBlock(page)).toBe(`<page title="Release 'notes'" url="https://example.com/notes">\nVersion 2 adds dark mode.\n</page>`);
  });

  it("keeps the page out of the system message", () => {
    const msgs = summarizeMessages(page, "English");
    expect(msgs[0].role).toBe("system");
    expect(msgs[0].content).not.toContain("dark mode");
    expect(msgs[1].content).toContain("dark mode");
  });

  it("limits history", () => {
    const history = Array.from({ length: 30 }, (_, i) => ({ role: "user" as const, content: String(i) }));
    expect(questionMessages(page, history, "what changed?", "English")).toHaveLength(13);
  });
});
