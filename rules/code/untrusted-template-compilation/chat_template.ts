// @ts-nocheck (fixture: analysed by AISec, not compiled)
import nunjucks from 'nunjucks';
import { Template } from '@huggingface/jinja';
import { gguf } from '@huggingface/gguf';

const env = new nunjucks.Environment(null, { autoescape: false });

export async function promptFromGguf(url: string, messages: { role: string; content: string }[]) {
  const { metadata } = await gguf(url);
  const chatTemplate = metadata['tokenizer.chat_template'];
  // ruleid: untrusted-template-compilation
  const unsafe = env.renderString(chatTemplate, { messages, add_generation_prompt: true });
  // ok: untrusted-template-compilation
  const safe = new Template(chatTemplate).render({ messages, add_generation_prompt: true });
  return [unsafe, safe];
}

export function promptFromConfig(tokenizerConfig: { chat_template: string }, messages: unknown[]) {
  // ruleid: untrusted-template-compilation
  return nunjucks.renderString(tokenizerConfig.chat_template, { messages });
}

export function greeting(name: string) {
  // ok: untrusted-template-compilation
  return nunjucks.renderString('Hello {{ name }}', { name });
}
