// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { OpenApiToolkit, RequestsToolkit } from 'langchain/agents/toolkits';
import { ChatOpenAI } from '@langchain/openai';

const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 512 });

export function tools(spec: object) {
  // ruleid: langchain-dangerous-option
  const openapi = new OpenApiToolkit(spec, model, { allowDangerousRequests: true });
  // ok: langchain-dangerous-option
  const readOnly = new RequestsToolkit({ allowDangerousRequests: false });
  return [openapi, readOnly];
}
