// @ts-nocheck (fixture: analysed by AISec, not compiled)
import Anthropic from "@anthropic-ai/sdk";
import { CohereClient } from "cohere-ai";
import { Groq } from "groq-sdk";
import { HfInference } from "@huggingface/inference";
import { Mistral } from "@mistralai/mistralai";
import OpenAI from "openai";
import { Pinecone } from "@pinecone-database/pinecone";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createXai } from "@ai-sdk/xai";

// ruleid: hardcoded-ai-provider-key
export const openai = new OpenAI({ apiKey: "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" });
// ruleid: hardcoded-ai-provider-key
export const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-b5xiIPmI0GoDXj9PWbqZ6Nv5ZyEoH1z4DzoJ-iBBEseIq2z3Xe1PBExLtSttOtgscti9ACgv4l0I-NIRH7E8vWFqPNYYIAA' });
// ruleid: hardcoded-ai-provider-key
export const hf = new HfInference(`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`);
// ruleid: hardcoded-ai-provider-key
export const hfOrg = new HfInference("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");
// ruleid: hardcoded-ai-provider-key
export const google = createGoogleGenerativeAI({ apiKey: "AIza8EVKaQcVe-xo_uQ1sy9oMNtFCyqrUo6YZzs" });
// ruleid: hardcoded-ai-provider-key
export const xai = createXai({ apiKey: "xai-Ein05bdOD2kTCrLYRZJCsYP0mpLzXzbiV4E6GXI4IGctCDnDpGSagg6PwWA3Cul4NfMkZGDjve8ZXlHe" });
// ruleid: hardcoded-ai-provider-key
export const groq = new Groq({ apiKey: process.env.GROQ_API_KEY ?? "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" });
// ruleid: hardcoded-ai-provider-key
export const mistral = new Mistral({ apiKey: "qGSGi66OUt65Rb9OLjU7HmaO6eKl9c67" });
// ruleid: hardcoded-ai-provider-key
export const cohere = new CohereClient({ token: "MhckOEaK1SbwjXjwJlKNMEAEhfTf2p5S6VsMSYQo" });
// ruleid: hardcoded-ai-provider-key
export const pinecone = new Pinecone({ apiKey: "pcsk_BGH4C5_EisV7q4FBXjMtTSGP2owUMUzGT3AH04UwoIN9UFtDTeLhoGv6BEQIBKuTh406Re" });
// ruleid: hardcoded-ai-provider-key
const ELEVENLABS_KEY = "sk_058a73e52d0daed163f42a2c2b2bebe36228611a9db88903";
// ruleid: hardcoded-ai-provider-key
const LANGFUSE_SECRET = "sk-lf-7e37a5bb-d239-49cf-ec5c-b6145793fa2d";

// ok: hardcoded-ai-provider-key
export const fromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: hardcoded-ai-provider-key
export const anthropicEnv = new Anthropic({ apiKey: process.env["ANTHROPIC_API_KEY"] });
// ok: hardcoded-ai-provider-key
export const placeholder = new OpenAI({ apiKey: "sk-proj-XXXX" });
// ok: hardcoded-ai-provider-key
export const masked = new OpenAI({ apiKey: "sk-proj-<your-key>" });
// ok: hardcoded-ai-provider-key
export const hfHint = new HfInference(process.env.HF_TOKEN || "hf_YourHuggingFaceTokenGoesHere00");
// ok: hardcoded-ai-provider-key
export const mistralEnv = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? "" });
// ok: hardcoded-ai-provider-key
export const cohereHint = new CohereClient({ token: "YOUR_COHERE_API_KEY_GOES_HERE" });
// ok: hardcoded-ai-provider-key
export const templated = new OpenAI({ apiKey: `${process.env.OPENAI_API_KEY}` });
// ok: hardcoded-ai-provider-key
export const doc = "OpenAI keys look like sk-proj-... and Gemini keys like AIza...";

export { ELEVENLABS_KEY, LANGFUSE_SECRET };
