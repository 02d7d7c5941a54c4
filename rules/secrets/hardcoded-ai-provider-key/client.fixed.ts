// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from "openai";
import Replicate from "replicate";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";

// ruleid: hardcoded-ai-provider-key
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

// ruleid: hardcoded-ai-provider-key
const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

// ruleid: hardcoded-ai-provider-key
const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });

// ok: hardcoded-ai-provider-key
const fromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: hardcoded-ai-provider-key
const hint = "Set OPENAI_API_KEY to a key that starts with sk-proj-...";
// ok: hardcoded-ai-provider-key
const masked = "sk-proj-<your-key>";

export { openai, replicate, openrouter, fromEnv, hint, masked };
