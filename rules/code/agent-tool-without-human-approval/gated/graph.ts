// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { MemorySaver } from '@langchain/langgraph';
import { GmailSendMessage } from '@langchain/community/tools/gmail';
import { ChatOpenAI } from '@langchain/openai';

// ok: agent-tool-without-human-approval
const gmail = new GmailSendMessage({ credentials: { keyfile: 'creds.json' } });
export const agent = createReactAgent({
  llm: new ChatOpenAI({ model: 'gpt-4o-mini' }),
  tools: [gmail],
  checkpointSaver: new MemorySaver(),
  interruptBefore: ['tools'],
});
