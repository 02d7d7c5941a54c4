// @ts-nocheck (fixture: analysed by AISec, not compiled)
'use client';
import { useChat } from '@ai-sdk/react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useEffect, useState } from 'react';
import OpenAI from 'openai';

const client = new OpenAI({ dangerouslyAllowBrowser: true });

export function ChatWindow() {
  const { messages, input, handleInputChange, handleSubmit } = useChat({ api: '/api/chat' });
  return (
    <div>
      {messages.map((m) => (
        <div key={m.id} className={m.role}>
          {/* ruleid: markdown-image-exfiltration */}
          <ReactMarkdown remarkPlugins={[remarkGfm]}>{m.content}</ReactMarkdown>
        </div>
      ))}
      {messages.map((message) =>
        message.parts.map((part, i) =>
          part.type === 'text' ? (
            // ruleid: markdown-image-exfiltration
            <ReactMarkdown key={i}>{part.text}</ReactMarkdown>
          ) : null,
        ),
      )}
      {messages.map((m) => (
        // ok: markdown-image-exfiltration
        <ReactMarkdown key={m.id} disallowedElements={['img']} unwrapDisallowed>{m.content}</ReactMarkdown>
      ))}
      {messages.map((m) => (
        // ok: markdown-image-exfiltration
        <ReactMarkdown key={m.id} components={{ img: ({ alt }) => <span>[image: {alt}]</span> }}>{m.content}</ReactMarkdown>
      ))}
      {messages.map((m) => (
        // ok: markdown-image-exfiltration
        <ReactMarkdown key={m.id} allowedElements={['p', 'a', 'code', 'pre', 'ul', 'ol', 'li']}>{m.content}</ReactMarkdown>
      ))}
      {/* ok: markdown-image-exfiltration */}
      <ReactMarkdown>{'**Welcome!** Ask me anything about your invoices.'}</ReactMarkdown>
      <form onSubmit={handleSubmit}>
        <input value={input} onChange={handleInputChange} />
      </form>
    </div>
  );
}

export function Summary({ doc }: { doc: string }) {
  const [summary, setSummary] = useState('');
  useEffect(() => {
    void (async () => {
      const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize:\n${doc}` }] });
      setSummary(res.choices[0].message.content ?? '');
    })();
  }, [doc]);
  // ok: markdown-image-exfiltration
  return <ReactMarkdown urlTransform={(url) => (url.startsWith('https://docs.example.com/') ? url : '')}>{summary}</ReactMarkdown>;
}

export async function ServerAnswer({ question }: { question: string }) {
  const res = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
  const answer = res.choices[0].message.content ?? '';
  // ruleid: markdown-image-exfiltration
  return <ReactMarkdown children={answer} />;
}
