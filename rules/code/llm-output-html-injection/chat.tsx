// @ts-nocheck (fixture: analysed by AISec, not compiled)
import { useEffect, useRef, useState } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import OpenAI from 'openai';

const client = new OpenAI({ dangerouslyAllowBrowser: true });

async function ask(question: string): Promise<string> {
  const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return res.choices[0].message.content ?? '';
}

export function Answer({ question }: { question: string }) {
  const [answer, setAnswer] = useState('');
  useEffect(() => {
    ask(question).then(setAnswer);
  }, [question]);
  return <div>{answer}</div>;
}

export async function renderInto(el: HTMLElement, question: string): Promise<void> {
  const reply = await ask(question);
  const html = await marked.parse(reply);
  // ruleid: llm-output-html-injection
  el.innerHTML = html;
  // ok: llm-output-html-injection
  el.innerHTML = DOMPurify.sanitize(html);
  // ok: llm-output-html-injection
  el.textContent = reply;
  // ruleid: llm-output-html-injection
  el.insertAdjacentHTML('beforeend', `<p>${reply}</p>`);
  // ruleid: llm-output-html-injection
  document.write(reply);
  // ok: llm-output-html-injection
  el.innerHTML = '<p>Loading...</p>';
}

export function Markdown({ text }: { text: string }) {
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(text) as string) }} />;
}

export function ChatBubble({ question }: { question: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void (async () => {
      const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
      const content = completion.choices[0].message.content ?? '';
      // ruleid: llm-output-html-injection
      if (ref.current) ref.current.outerHTML = marked.parse(content) as string;
    })();
  }, [question]);
  return <div ref={ref} />;
}

export async function Streamed({ question }: { question: string }) {
  const reply = await ask(question);
  return (
    <div
      // ruleid: llm-output-html-injection
      dangerouslySetInnerHTML={{ __html: marked(reply) as string }}
    />
  );
}

export async function Escaped({ question }: { question: string }) {
  const reply = await ask(question);
  // ok: llm-output-html-injection
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(reply) }} />;
}
