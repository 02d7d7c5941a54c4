interface AskResponse { answer: string }

export async function ask(question: string): Promise<void> {
  const res = await fetch("/api/ask", { method: "POST", body: JSON.stringify({ question }) });
  const data = (await res.json()) as AskResponse;
  const box = document.getElementById("answer")!;
  box.textContent = data.answer;
}
