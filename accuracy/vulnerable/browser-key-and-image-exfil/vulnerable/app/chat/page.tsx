"use client";
import OpenAI from "openai";
import { useState } from "react";
import ReactMarkdown from "react-markdown";

const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });

export default function ChatPage() {
  const [answer, setAnswer] = useState("");
  async function ask(q: string) {
    const r = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 500, messages: [{ role: "user", content: q }] });
    setAnswer(r.choices[0].message.content ?? "");
  }
  return (
    <div>
      <button onClick={() => ask("hello")}>Ask</button>
      <ReactMarkdown>{answer}</ReactMarkdown>
    </div>
  );
}
