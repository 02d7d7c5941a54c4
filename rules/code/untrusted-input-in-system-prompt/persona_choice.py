from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
PERSONAS = {"Ada", "Linus", "Grace"}


@app.post("/chat")
def chat():
    persona = request.json["persona"]
    name = persona if persona in PERSONAS else "Ada"
    loose = persona if "Ada" in PERSONAS else "Ada"
    safe = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ok: untrusted-input-in-system-prompt
            {"role": "system", "content": f"You are {name}, the helpdesk agent."},
            {"role": "user", "content": request.json["message"]},
        ],
    )
    unsafe = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ruleid: untrusted-input-in-system-prompt
            {"role": "system", "content": f"You are {loose}, the helpdesk agent."},
            {"role": "user", "content": request.json["message"]},
        ],
    )
    return {"a": safe.choices[0].message.content, "b": unsafe.choices[0].message.content}
