// @ts-nocheck (fixture: analysed by AISec, not compiled)
// Model output that reaches the DOM as HTML through props, state, helpers and markdown renderers.
import { useChat } from '@ai-sdk/react';
import { useEffect, useState } from 'react';
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import showdown from 'showdown';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { marked } from 'marked';
import OpenAI from 'openai';

const client = new OpenAI({ dangerouslyAllowBrowser: true });
const md = new MarkdownIt({ html: true });
const converter = new showdown.Converter();

async function complete(prompt: string): Promise<string> {
  const res = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
  return res.choices[0].message.content ?? '';
}

function toHtml(markdown: string): string {
  return md.render(markdown);
}

function toSafeHtml(markdown: string): string {
  return DOMPurify.sanitize(md.render(markdown));
}

function MessageBody({ html }: { html: string }) {
  // ruleid: llm-output-html-injection
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function SafeBody({ html }: { html: string }) {
  // ok: llm-output-html-injection
  return <div className="prose" dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />;
}

export function Thread() {
  const { messages } = useChat();
  return (
    <div>
      {messages.map((m) => (
        <MessageBody key={m.id} html={toHtml(m.content)} />
      ))}
    </div>
  );
}

export function SafeThread() {
  const { messages } = useChat();
  return <div>{messages.map((m) => <SafeBody key={m.id} html={toHtml(m.content)} />)}</div>;
}

export function Summary({ document }: { document: string }) {
  const [summaryHtml, setSummaryHtml] = useState('');
  const [cleanHtml, setCleanHtml] = useState('');
  useEffect(() => {
    complete(`Summarise: ${document}`).then((text) => {
      setSummaryHtml(converter.makeHtml(text));
      setCleanHtml(toSafeHtml(text));
    });
  }, [document]);
  return (
    <section>
      {/* ruleid: llm-output-html-injection */}
      <div dangerouslySetInnerHTML={{ __html: summaryHtml }} />
      {/* ok: llm-output-html-injection */}
      <div dangerouslySetInnerHTML={{ __html: cleanHtml }} />
    </section>
  );
}

export function Answer({ question }: { question: string }) {
  const [answer, setAnswer] = useState('');
  useEffect(() => {
    complete(question).then(setAnswer);
  }, [question]);
  // ruleid: llm-output-html-injection
  return <article dangerouslySetInnerHTML={{ __html: marked.parse(answer) as string }} />;
}

export async function renderRemark(el: HTMLElement, question: string): Promise<void> {
  const reply = await complete(question);
  const file = await remark().use(remarkHtml, { sanitize: false }).process(reply);
  // ruleid: llm-output-html-injection
  el.innerHTML = String(file);
}

export function Static() {
  const [notice] = useState('<b>Maintenance tonight</b>');
  // ok: llm-output-html-injection
  return <div dangerouslySetInnerHTML={{ __html: notice }} />;
}
