// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from "openai";
import Replicate from "replicate";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";

// ruleid: hardcoded-ai-provider-key
const openai = new OpenAI({ apiKey: "sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj_IhKtJ0RlgLKOmxgJZk9f" });

// ruleid: hardcoded-ai-provider-key
const replicate = new Replicate({ auth: `r8_bqnsGpWLuqIA1id6Vw5DQL05HA064GiIjHGb3` });

// ruleid: hardcoded-ai-provider-key
const openrouter = createOpenRouter({ apiKey: "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" });

// ok: hardcoded-ai-provider-key
const fromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: hardcoded-ai-provider-key
const hint = "Set OPENAI_API_KEY to a key that starts with sk-proj-...";
// ok: hardcoded-ai-provider-key
const masked = "sk-proj-<your-key>";

export { openai, replicate, openrouter, fromEnv, hint, masked };
