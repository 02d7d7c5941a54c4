"""Message-building helpers: the request value reaches the system role through a helper's parameter."""
from anthropic import Anthropic
from flask import Flask, jsonify, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
claude = Anthropic()

BASE = "You are the ACME support assistant."


def build_messages(question: str, persona: str) -> list:
    system = f"{BASE} Speak as {persona}."
    return [
        # ruleid: untrusted-input-in-system-prompt
        {"role": "system", "content": system},
        # ok: untrusted-input-in-system-prompt
        {"role": "user", "content": question},
    ]


def build_safe_messages(question: str, tone: str) -> list:
    tones = {"formal": "Be formal.", "casual": "Be casual."}
    return [
        # ok: untrusted-input-in-system-prompt
        {"role": "system", "content": f"{BASE} {tones.get(tone, '')}"},
        {"role": "user", "content": question},
    ]


class Assistant:
    def system_for(self, product: str) -> str:
        return f"{BASE} You only answer questions about {product}."

    def ask(self, product: str, question: str) -> str:
        msg = claude.messages.create(
            model="claude-sonnet-4-5",
            max_tokens=400,
            # ruleid: untrusted-input-in-system-prompt
            system=product,
            messages=[{"role": "user", "content": question}],
        )
        return msg.content[0].text


@app.post("/chat")
def chat():
    body = request.get_json()
    messages = build_messages(body["question"], body.get("persona", "a friendly agent"))
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    safe = build_safe_messages(body["question"], "formal")
    return jsonify(answer=resp.choices[0].message.content, safe=safe)


@app.post("/product")
def product_chat():
    return Assistant().ask(request.args["product"], request.args["q"])
