"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useState } from "react";
import { Message } from "./message";

export function Chat({ chatId: initialChatId }: { chatId?: string }) {
  const [chatId, setChatId] = useState(initialChatId);
  const [input, setInput] = useState("");
  const { messages, sendMessage, status, error, stop } = useChat({
    transport: new DefaultChatTransport({
      api: "/api/chat",
      prepareSendMessagesRequest: ({ messages }) => ({ body: { chatId, message: messages[messages.length - 1] } }),
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        const id = res.headers.get("x-chat-id");
        if (id) setChatId(id);
        return res;
      },
    }),
  });

  return (
    <div className="chat">
      <div className="messages">
        {messages.map((m) => (
          <Message key={m.id} message={m} />
        ))}
        {error ? <div className="error">Something went wrong. Please try again.</div> : null}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = input.trim();
          if (!text) return;
          sendMessage({ text });
          setInput("");
        }}
      >
        <textarea value={input} onChange={(e) => setInput(e.target.value)} maxLength={4000} placeholder="Ask about an order, a return..." />
        {status === "streaming" ? (
          <button type="button" onClick={() => stop()}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={status === "submitted"}>
            Send
          </button>
        )}
      </form>
    </div>
  );
}
