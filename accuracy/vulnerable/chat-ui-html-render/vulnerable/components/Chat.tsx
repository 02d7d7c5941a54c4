"use client";
import { useChat } from "ai/react";
import { Message } from "./Message";

export default function Chat() {
  const { messages, input, handleInputChange, handleSubmit } = useChat({ api: "/api/chat" });
  const latest = messages.filter((m) => m.role === "assistant").at(-1);
  return (
    <main>
      {messages.map((m) => (
        <Message key={m.id} role={m.role} content={m.content} />
      ))}
      <aside id="summary" dangerouslySetInnerHTML={{ __html: latest?.content ?? "" }} />
      <form onSubmit={handleSubmit}>
        <input value={input} onChange={handleInputChange} />
      </form>
    </main>
  );
}
