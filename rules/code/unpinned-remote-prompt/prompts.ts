// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { pull } from 'langchain/hub';
import * as hub from 'langchain/hub/node';
import { Client } from 'langsmith';
import { Langfuse } from 'langfuse';

export async function loadPrompts() {
  // ruleid: unpinned-remote-prompt
  const rag = await pull('rlm/rag-prompt');
  // ruleid: unpinned-remote-prompt
  const agent = await hub.pull(`hwchase17/openai-tools-agent`, { includeModel: true });
  // ok: unpinned-remote-prompt
  const ragPinned = await pull('rlm/rag-prompt:50442af1');
  const client = new Client();
  // ruleid: unpinned-remote-prompt
  const support = await client.pullPrompt('acme/support-agent');
  // ok: unpinned-remote-prompt
  const supportPinned = await client.pullPrompt('acme/support-agent:7c1a9e52');
  return { rag, agent, ragPinned, support, supportPinned };
}

const langfuse = new Langfuse();
export async function triage() {
  // ruleid: unpinned-remote-prompt
  const latest = await langfuse.getPrompt('ticket-triage', undefined, { label: 'latest' });
  // ok: unpinned-remote-prompt
  const production = await langfuse.getPrompt('ticket-triage', undefined, { label: 'production' });
  return [latest, production];
}
