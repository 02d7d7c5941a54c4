"use client";
// A chat page that renders assistant replies as markdown. rehype-raw passes HTML inside the markdown through.
import { useChat } from "@ai-sdk/react";
import ReactMarkdown from "react-markdown";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

function RawMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRaw]}>
      {/* ruleid: llm-output-html-injection */}
      {children}
    </ReactMarkdown>
  );
}

function SafeMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown rehypePlugins={[rehypeRaw, [rehypeSanitize, { tagNames: ["p", "a", "code", "pre", "ul", "li"] }]]}>
      {/* ok: llm-output-html-injection */}
      {children}
    </ReactMarkdown>
  );
}

export function Chat() {
  const { messages } = useChat();
  return (
    <div>
      {messages.map((m) =>
        m.parts.map((part, i) =>
          part.type === "text" ? (
            <div key={`${m.id}-${i}`}>
              <RawMarkdown>{part.text}</RawMarkdown>
              <SafeMarkdown>{part.text}</SafeMarkdown>
              {/* ruleid: llm-output-html-injection */}
              <ReactMarkdown rehypePlugins={[rehypeRaw]}>{part.text}</ReactMarkdown>
              {/* ok: llm-output-html-injection */}
              <ReactMarkdown remarkPlugins={[remarkGfm]}>{part.text}</ReactMarkdown>
            </div>
          ) : null,
        ),
      )}
    </div>
  );
}

export function StaticHelp() {
  const help = "## Help\n<kbd>Ctrl</kbd>+<kbd>K</kbd> opens search.";
  // ok: llm-output-html-injection
  return <ReactMarkdown rehypePlugins={[rehypeRaw]}>{help}</ReactMarkdown>;
}
