// @ts-nocheck (fixture: analysed by AISec, not compiled)
import https from 'node:https';
import OpenAI from 'openai';
import { Agent as UndiciAgent } from 'undici';
import Anthropic from '@anthropic-ai/sdk';

// ruleid: llm-client-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

// ruleid: llm-client-tls-verification-disabled
const insecureAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });
export const openai = new OpenAI({ httpAgent: insecureAgent });

export const claude = new Anthropic({
  fetchOptions: {
    // ruleid: llm-client-tls-verification-disabled
    dispatcher: new UndiciAgent({ connect: { rejectUnauthorized: true } }),
  },
});

// ok: llm-client-tls-verification-disabled
const corpAgent = new https.Agent({ keepAlive: true, ca: process.env.CORP_CA_PEM, rejectUnauthorized: true });
export const openaiCorp = new OpenAI({ httpAgent: corpAgent });
// ok: llm-client-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
