// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A command-line tool: Node built-ins and the command line, nothing a page bundle could load.
import { readFileSync } from "node:fs";
import OpenAI from "openai";

const prompt = readFileSync(process.argv[2], "utf8");
const client = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  // ok: ai-key-exposed-to-browser (Node-only module)
  dangerouslyAllowBrowser: true,
});

export async function main() {
  const res = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
  console.log(res.choices[0].message.content);
}
