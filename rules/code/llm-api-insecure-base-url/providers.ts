// @ts-nocheck (fixture: analysed by AISec, not compiled)
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import { ChatOpenAI } from '@langchain/openai';
import { createOpenAI } from '@ai-sdk/openai';

const region = process.env.REGION ?? 'eu';

// ruleid: llm-api-insecure-base-url
export const gateway = new OpenAI({ baseURL: 'http://llm-gateway.acme-corp.com/v1', apiKey: process.env.GATEWAY_KEY });
// ruleid: llm-api-insecure-base-url
export const claude = new Anthropic({ baseURL: `http://claude-proxy.acme-corp.com:8080/${region}` });
// ruleid: llm-api-insecure-base-url
export const ollama = new Ollama({ host: 'http://10.0.3.7:11434' });
export const chat = new ChatOpenAI({
  model: 'gpt-4o-mini',
  // ruleid: llm-api-insecure-base-url
  configuration: { baseURL: 'http://openai-proxy.acme-corp.com/v1' },
});
// ruleid: llm-api-insecure-base-url
export const provider = createOpenAI({ baseURL: 'http://vllm.acme-corp.com/v1', compatibility: 'compatible' });

// ruleid: llm-api-insecure-base-url
process.env.OPENAI_BASE_URL = 'http://llm-gateway.acme-corp.com/v1';

// ok: llm-api-insecure-base-url
export const secure = new OpenAI({ baseURL: 'https://llm-gateway.acme-corp.com/v1' });
// ok: llm-api-insecure-base-url
export const local = new Ollama({ host: 'http://localhost:11434' });
// ok: llm-api-insecure-base-url
export const lmStudio = new OpenAI({ baseURL: 'http://127.0.0.1:1234/v1', apiKey: 'lm-studio' });
// ok: llm-api-insecure-base-url
export const webhook = { baseURL: 'http://hooks.acme-corp.com' };
