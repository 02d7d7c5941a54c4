"use client";
import { useState } from "react";
import ReactMarkdown from "react-markdown";

export default function ChatPage() {
  const [answer, setAnswer] = useState("");
  async function ask(q: string) {
    const r = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ q }) });
    setAnswer((await r.json()).text);
  }
  return (
    <div>
      <button onClick={() => ask("hello")}>Ask</button>
      <ReactMarkdown disallowedElements={["img"]}>{answer}</ReactMarkdown>
    </div>
  );
}
