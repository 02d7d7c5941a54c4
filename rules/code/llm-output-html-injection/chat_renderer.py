"""Model output kept on an object and rendered as HTML by another method (and by a subclass)."""
import bleach
import markdown
import nh3
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from openai import OpenAI


class ChatSession:
    def __init__(self, client: OpenAI):
        self.client = client
        self.last_answer = ""

    def ask(self, question: str) -> str:
        resp = self.client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
        self.last_answer = resp.choices[0].message.content
        return self.last_answer

    def _to_html(self, text: str) -> str:
        return markdown.markdown(text, extensions=["fenced_code"])

    def render(self) -> Markup:
        # ruleid: llm-output-html-injection
        return Markup(self._to_html(self.last_answer))

    def render_clean(self) -> Markup:
        # ok: llm-output-html-injection
        return Markup(bleach.clean(self._to_html(self.last_answer), tags=["p", "pre", "code"]))


class WebChatSession(ChatSession):
    def page(self, question: str) -> HTMLResponse:
        answer = self.ask(question)
        # ruleid: llm-output-html-injection
        return HTMLResponse(f"<main>{self._to_html(answer)}</main>")

    def safe_page(self, question: str) -> HTMLResponse:
        answer = self.ask(question)
        # ok: llm-output-html-injection
        return HTMLResponse(f"<main>{nh3.clean(self._to_html(answer))}</main>")

    def banner(self) -> HTMLResponse:
        # ok: llm-output-html-injection
        return HTMLResponse(self._to_html("**Welcome**"))
