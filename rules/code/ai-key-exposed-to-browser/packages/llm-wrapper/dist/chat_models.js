// A wrapper library's client factories: they forward the caller's key and options. Whether this runs in a
// browser is the application's choice, so nothing here is reported without browser evidence.
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

export class ChatOpenAI {
  constructor(fields) {
    this.apiKey = fields?.apiKey ?? process.env.OPENAI_API_KEY;
    this.clientConfig = {
      apiKey: this.apiKey,
      organization: fields?.organization,
      // ok: ai-key-exposed-to-browser
      dangerouslyAllowBrowser: true,
      ...fields?.configuration,
    };
  }
}

export class DallE {
  constructor(fields) {
    const clientConfig = {
      apiKey: fields?.apiKey ?? fields?.openAIApiKey ?? process.env.OPENAI_API_KEY,
      // ok: ai-key-exposed-to-browser
      dangerouslyAllowBrowser: true,
      baseURL: fields?.baseUrl,
    };
    this.client = new OpenAI(clientConfig);
  }
}

export class ChatAnthropic {
  createClient(options) {
    return new Anthropic({
      // ok: ai-key-exposed-to-browser
      dangerouslyAllowBrowser: true,
      ...this.clientOptions,
      ...options,
      apiKey: this.apiKey,
    });
  }
}

export function demoClient() {
  // ruleid: ai-key-exposed-to-browser
  return new OpenAI({ apiKey: 'sk-demo-not-a-real-key', dangerouslyAllowBrowser: true });
}
