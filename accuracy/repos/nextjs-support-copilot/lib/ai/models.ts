import { openai } from "@ai-sdk/openai";

export const chatModel = openai("gpt-4o-mini");
export const titleModel = openai("gpt-4o-mini");
