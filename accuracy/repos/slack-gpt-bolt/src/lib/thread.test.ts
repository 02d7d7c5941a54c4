import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stripMention, toChatMessages } from "./thread.js";

const replies = JSON.parse(readFileSync(new URL("../../__fixtures__/conversations.replies.json", import.meta.url), "utf8"));

describe("toChatMessages", () => {
  it("maps thread messages to roles", () => {
    const msgs = toChatMessages(replies.messages, "U07BOT");
    expect(msgs.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(msgs[0].content).toBe("<@U01ALICE>: how do I rotate the staging DB password?");
  });

  it("strips the bot mention", () => {
    expect(stripMention("<@U07BOT> hello", "U07BOT")).toBe("hello");
  });
});
