import { describe, expect, it } from "vitest";
import { chunk, toMrkdwn } from "./format.js";

describe("toMrkdwn", () => {
  it("converts headings, bold and links", () => {
    expect(toMrkdwn("## Title\n**bold** [docs](https://slack.dev)")).toBe("*Title*\n*bold* <https://slack.dev|docs>");
  });
});

describe("chunk", () => {
  it("splits long text", () => {
    expect(chunk("a".repeat(8000), 3500)).toHaveLength(3);
    expect(chunk("")).toEqual([""]);
  });
});
