// Minimal SSE client: node --import tsx examples/client.ts "explain src/index.ts"
const res = await fetch("http://127.0.0.1:8787/api/agent/chat", {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${process.env.DEVAGENT_TOKEN}` },
  body: JSON.stringify({ message: process.argv.slice(2).join(" ") || "list the files in the workspace" }),
});
const decoder = new TextDecoder();
for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
  process.stdout.write(decoder.decode(chunk));
}
