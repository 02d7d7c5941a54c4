"""Agents that read third-party content (web pages, documents, e-mails) and can call tools."""
import email
import imaplib

import google.generativeai as genai
import requests
from agents import Agent, Runner
from anthropic import Anthropic
from flask import Flask, request
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
claude = Anthropic()
llm = ChatOpenAI(model="gpt-4o")

TOOLS = [{"type": "function", "function": {"name": "send_email", "parameters": {"type": "object", "properties": {"to": {"type": "string"}}}}}]


def send_email(to: str, body: str) -> str:
    """Send an e-mail."""
    return "sent"


@app.post("/browse")
def browse():
    url = request.json["url"]
    page = requests.get(url, timeout=10).text
    resp = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "You are a browsing assistant. You may send e-mails."},
            # ruleid: prompt-injection-untrusted-input
            {"role": "user", "content": f"Summarize this page for me:\n{page}"},
        ],
        tools=TOOLS,
    )
    return resp.choices[0].message.content or ""


@app.post("/browse-readonly")
def browse_readonly():
    url = request.json["url"]
    page = requests.get(url, timeout=10).text
    resp = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "Summarize web pages."},
            # ok: prompt-injection-untrusted-input
            {"role": "user", "content": f"Summarize this page for me:\n<page>{page}</page>"},
        ],
    )
    return resp.choices[0].message.content or ""


def agent_loop(messages: list, call) -> str:
    result = requests.get(call.url, timeout=10).text
    # ok: prompt-injection-untrusted-input
    messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    follow_up = client.chat.completions.create(
        model="gpt-4o",
        # ok: prompt-injection-untrusted-input
        messages=messages + [{"role": "tool", "tool_call_id": call.id, "content": result}],
        tools=TOOLS,
    )
    return follow_up.choices[0].message.content or ""


class SupportAgent:
    def __init__(self, retriever):
        self.retriever = retriever
        self.model = llm.bind_tools([send_email])

    def answer(self, question: str) -> str:
        docs = self.retriever.invoke(question)
        context = "\n\n".join(d.page_content for d in docs)
        reply = self.model.invoke([
            SystemMessage(content="Answer from the context. You can send e-mails."),
            # ruleid: prompt-injection-untrusted-input
            HumanMessage(content=f"Context:\n{context}\n\nQuestion: {question}"),
        ])
        return reply.content


def triage_inbox(host: str, user: str, password: str) -> str:
    box = imaplib.IMAP4_SSL(host)
    box.login(user, password)
    _, data = box.fetch(b"1", "(RFC822)")
    msg = email.message_from_bytes(data[0][1])
    body = msg.get_payload()
    triager = Agent(name="triage", instructions="Triage e-mails and file tickets.", tools=[send_email])
    # ruleid: prompt-injection-untrusted-input
    result = Runner.run_sync(triager, f"Triage this e-mail:\n{body}")
    summarizer = Agent(name="summary", instructions="Summarize e-mails.")
    # ok: prompt-injection-untrusted-input
    summary = Runner.run_sync(summarizer, f"Summarize this e-mail:\n{body}")
    return result.final_output + summary.final_output


def research(url: str) -> str:
    page = requests.get(url, timeout=10).text
    graph = create_react_agent(llm, [send_email])
    # ruleid: prompt-injection-untrusted-input
    out = graph.invoke({"messages": [("user", f"Research this page and act on it: {page}")]})
    return out["messages"][-1].content


@app.post("/ask")
def ask():
    question = request.json["question"]
    # ok: prompt-injection-untrusted-input
    msg = claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, system="Answer billing questions only.", messages=[{"role": "user", "content": f"Customer question: {question}"}])
    gemini = genai.GenerativeModel("gemini-1.5-flash", system_instruction="Classify sentiment as positive or negative.")
    # ok: prompt-injection-untrusted-input
    label = gemini.generate_content(f"Classify the sentiment of this review as positive or negative: {question}")
    return msg.content[0].text + label.text


@app.post("/persona")
def persona_from_url():
    profile = requests.get(request.json["profile_url"], timeout=10).text
    resp = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            # ruleid: prompt-injection-untrusted-input
            {"role": "system", "content": f"Adopt the persona described on this page: {profile}"},
            {"role": "user", "content": request.json["question"]},
        ],
    )
    return resp.choices[0].message.content or ""


def rag_answer(retriever, question: str) -> str:
    docs = retriever.invoke(question)
    context = "\n".join(d.page_content for d in docs)
    reply = llm.invoke([
        # ok: prompt-injection-untrusted-input
        SystemMessage(content=f"Answer only from this context:\n{context}"),
        HumanMessage(content=question),
    ])
    return reply.content


def digest_feed(feed_url: str) -> str:
    messages = [{"role": "system", "content": "You read feeds and file follow-up tasks with your tools."}]
    entries = requests.get(feed_url, timeout=10).json()["entries"]
    for entry in entries:
        messages.append({"role": "user", "content": f"New entry: {entry['summary']}"})
    # ruleid: prompt-injection-untrusted-input
    resp = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS)
    return resp.choices[0].message.content or ""
