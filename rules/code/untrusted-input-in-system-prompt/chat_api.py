from anthropic import Anthropic
from fastapi import FastAPI, Request
from flask import Flask, jsonify, request
from google import genai
from google.genai import types
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate, SystemMessagePromptTemplate
from openai import OpenAI
from pydantic import BaseModel

app = Flask(__name__)
api = FastAPI()
client = OpenAI()
claude = Anthropic()
gemini = genai.Client()

SYSTEM_PROMPT = "You are a support assistant for ACME. Answer only questions about ACME products."


@app.post("/chat")
def chat():
    data = request.get_json()
    persona = data.get("persona", "friendly")
    question = data["question"]
    messages = [
        # ruleid: untrusted-input-in-system-prompt
        {"role": "system", "content": f"{SYSTEM_PROMPT} Speak in a {persona} tone."},
        # ok: untrusted-input-in-system-prompt
        {"role": "user", "content": question},
    ]
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    return jsonify(answer=resp.choices[0].message.content)


@app.post("/chat-safe")
def chat_safe():
    question = request.json["question"]
    messages = [
        # ok: untrusted-input-in-system-prompt
        {"role": "system", "content": SYSTEM_PROMPT},
        # ok: untrusted-input-in-system-prompt
        {"role": "user", "content": f"Customer question: {question}"},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)


@app.get("/summarize")
def summarize():
    lang = request.args.get("lang", "en")
    instructions = "Summarize the page. Reply in " + lang
    msg = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=800,
        # ruleid: untrusted-input-in-system-prompt
        system=instructions,
        messages=[{"role": "user", "content": "..."}],
    )
    # ok: untrusted-input-in-system-prompt
    claude.messages.create(model="claude-sonnet-4-5", max_tokens=800, system=SYSTEM_PROMPT, messages=[{"role": "user", "content": lang}])
    return msg.content[0].text


class Ask(BaseModel):
    question: str
    role_hint: str


@api.post("/ask")
async def ask(body: Ask, req: Request):
    prompt = ChatPromptTemplate.from_messages([
        # ruleid: untrusted-input-in-system-prompt
        ("system", "You are an expert in " + body.role_hint),
        # ok: untrusted-input-in-system-prompt
        ("human", body.question),
    ])
    # ruleid: untrusted-input-in-system-prompt
    sys_msg = SystemMessage(content=f"Context for this user: {body.role_hint}")
    # ok: untrusted-input-in-system-prompt
    human = HumanMessage(content=body.question)
    return prompt, sys_msg, human


@api.post("/responses")
async def responses_api(request: Request):
    payload = await request.json()
    tone = payload["tone"]
    # ruleid: untrusted-input-in-system-prompt
    r = client.responses.create(model="gpt-4.1", instructions=f"Answer in a {tone} tone.", input=payload["q"])
    # ok: untrusted-input-in-system-prompt
    r2 = client.responses.create(model="gpt-4.1", instructions="Answer briefly.", input=payload["q"])
    config = types.GenerateContentConfig(
        # ruleid: untrusted-input-in-system-prompt
        system_instruction=f"The user's name is {request.query_params['name']}.",
    )
    # ok: untrusted-input-in-system-prompt
    template = SystemMessagePromptTemplate.from_template("You help {name} with billing.")
    return r, r2, config, template


def django_view(request):
    topic = request.GET["topic"]
    return client.chat.completions.create(
        model="gpt-4o",
        # ruleid: untrusted-input-in-system-prompt
        messages=[{"role": "developer", "content": "Only talk about %s." % topic}],
    )
