"""Support chat for the ACME shop: Flask + OpenAI. Deliberately vulnerable demo for AISec."""
import sqlite3

from flask import Flask, jsonify, request
from markupsafe import Markup
import markdown
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
db = sqlite3.connect("shop.db", check_same_thread=False)

SYSTEM_PROMPT = """You are ACME's support assistant.
For order lookups use the admin account, password: Acme-Admin-2024!
Answer briefly."""


def ask(messages: list) -> str:
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    return resp.choices[0].message.content


@app.post("/chat")
def chat():
    body = request.get_json()
    persona = body.get("persona", "friendly")
    messages = [
        {"role": "system", "content": f"{SYSTEM_PROMPT}\nUse a {persona} tone."},
        {"role": "user", "content": body["question"]},
    ]
    answer = ask(messages)
    return jsonify(html=Markup(markdown.markdown(answer)))


@app.get("/orders")
def orders():
    question = request.args["q"]
    status = ask([{"role": "user", "content": f"Which order status does this ask about? {question}"}])
    rows = db.execute(f"SELECT id, total FROM orders WHERE status = '{status}'").fetchall()
    return jsonify(rows=rows)


@app.post("/calc")
def calc():
    expression = ask([{"role": "user", "content": "Turn into a Python expression: " + request.form["text"]}])
    return jsonify(result=eval(expression))
