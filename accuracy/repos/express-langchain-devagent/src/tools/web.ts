import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { truncate } from "../lib/workspace.js";

function htmlToText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, "")
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const fetchUrlTool = tool(
  async ({ url }) => {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
      return "Only http(s) URLs can be fetched.";
    }
    const res = await fetch(parsed, { signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    const type = res.headers.get("content-type") ?? "";
    return truncate(type.includes("html") ? htmlToText(body) : body, 20_000);
  },
  {
    name: "fetch_url",
    description: "Fetch a documentation page or API reference and return its text.",
    schema: z.object({ url: z.string().url() }),
  },
);
