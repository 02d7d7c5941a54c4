import { marked } from "marked";
import type { ChatMessage } from "../lib/prompt";

const log = document.getElementById("log") as HTMLElement;
const history: ChatMessage[] = [];

function addQuestion(text: string) {
  const el = document.createElement("div");
  el.className = "q";
  el.textContent = text;
  log.append(el);
}

function addAnswer(markdown: string) {
  const el = document.createElement("div");
  el.className = "a";
  el.innerHTML = marked.parse(markdown, { async: false }) as string;
  log.append(el);
  log.scrollTop = log.scrollHeight;
}

function addError(message: string) {
  const el = document.createElement("div");
  el.className = "error";
  el.textContent = message;
  log.append(el);
}

async function activeTabId(): Promise<number> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw new Error("No active tab");
  return tab.id;
}

async function send(request: Record<string, unknown>) {
  const res = await chrome.runtime.sendMessage({ ...request, tabId: await activeTabId() });
  if (!res.ok) return addError(res.error);
  addAnswer(res.answer);
  return res.answer as string;
}

document.getElementById("summarize")?.addEventListener("click", async () => {
  addQuestion("Summary of this page");
  await send({ type: "summarize" });
});

document.getElementById("ask")?.addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = document.getElementById("question") as HTMLInputElement;
  const question = input.value.trim();
  if (!question) return;
  input.value = "";
  addQuestion(question);
  const answer = await send({ type: "ask", question, history });
  if (answer) history.push({ role: "user", content: question }, { role: "assistant", content: answer });
});

chrome.storage.session.onChanged.addListener((changes) => {
  const pending = changes.pendingAnswer?.newValue;
  if (!pending) return;
  addQuestion(pending.question);
  addAnswer(pending.answer);
});
