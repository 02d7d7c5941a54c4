import { openai } from '@ai-sdk/openai';
import { customProvider } from 'ai';

export const myProvider = customProvider({
  languageModels: {
    'chat-model': openai('gpt-4o-mini'),
    'chat-model-reasoning': openai('o3-mini'),
    'title-model': openai('gpt-4o-mini'),
  },
});

export const DEFAULT_CHAT_MODEL = 'chat-model';
