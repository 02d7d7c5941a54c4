// A store whose package.json pins an @langchain/core release from before the load() hardening.
import { load } from "@langchain/core/load";
import { readFile } from "node:fs/promises";

export async function restoreThread(file) {
  const text = await readFile(file, "utf-8");
  // ruleid: langchain-unsafe-load
  return load(text);
}

const GREETING = JSON.stringify({ lc: 1, type: "constructor", id: ["langchain_core", "messages", "AIMessage"], kwargs: { content: "Hi" } });
// ok: langchain-unsafe-load
export const greeting = await load(GREETING);
