import { tool } from "ai";
import { z } from "zod";

const CITIES: Record<string, number> = { berlin: 12, paris: 15, tokyo: 21 };

export const weatherTool = tool({
  description: "Get the current temperature for a city",
  inputSchema: z.object({ city: z.string().min(1).max(80) }),
  execute: async ({ city }) => ({ city, celsius: CITIES[city.toLowerCase()] ?? null }),
});

export const searchDocsTool = tool({
  description: "Search the product documentation",
  inputSchema: z.object({ query: z.string().max(200) }),
  execute: async ({ query }) => {
    const res = await fetch(`https://docs-search.internal.example/api?q=${encodeURIComponent(query)}`);
    return (await res.json()) as { title: string; url: string }[];
  },
});
