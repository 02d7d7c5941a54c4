"""The same support chat, written safely: AISec reports nothing here."""
import ast
import os
import sqlite3

import bleach
import markdown
from flask import Flask, jsonify, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
db = sqlite3.connect("shop.db", check_same_thread=False)

SYSTEM_PROMPT = "You are ACME's support assistant. Use the order tools; you have no credentials."
TONES = {"friendly": "Use a friendly tone.", "formal": "Use a formal tone."}
ALLOWED_TAGS = ["p", "ul", "ol", "li", "strong", "em", "code"]


def ask(messages: list) -> str:
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=400)
    return resp.choices[0].message.content


@app.post("/chat")
def chat():
    body = request.get_json()
    tone = TONES.get(body.get("persona"), TONES["friendly"])
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"{tone}\n\n{body['question']}"},
    ]
    answer = ask(messages)
    return jsonify(html=Markup(bleach.clean(markdown.markdown(answer), tags=ALLOWED_TAGS)))


@app.get("/orders")
def orders():
    status = ask([{"role": "user", "content": f"Which order status does this ask about? {request.args['q']}"}])
    rows = db.execute("SELECT id, total FROM orders WHERE status = ?", (status,)).fetchall()
    return jsonify(rows=rows)


@app.post("/calc")
def calc():
    literal = ask([{"role": "user", "content": "Reply with a single number: " + request.form["text"]}])
    return jsonify(result=ast.literal_eval(literal))
