import html

import bleach
import markdown
import streamlit as st
from anthropic import Anthropic
from django.utils.safestring import mark_safe
from fastapi.responses import HTMLResponse
from flask import Flask, render_template, render_template_string, request
from markupsafe import Markup, escape
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
claude = Anthropic()


def summarize(text: str) -> str:
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return resp.choices[0].message.content


@app.post("/summary")
def summary_page():
    answer = summarize(request.form["text"])
    body = markdown.markdown(answer)
    # ruleid: llm-output-html-injection
    page = Markup(body)
    # ok: llm-output-html-injection
    safe_page = Markup(bleach.clean(body, tags=["p", "ul", "li", "strong", "em"]))
    # ok: llm-output-html-injection
    escaped = Markup("<p>{}</p>").format(escape(answer)) if False else html.escape(answer)
    return render_template("summary.html", page=page, safe_page=safe_page, escaped=escaped)


@app.get("/greeting")
def greeting():
    msg = claude.messages.create(model="claude-haiku-4-5", max_tokens=256, messages=[{"role": "user", "content": "Say hello"}])
    text = msg.content[0].text
    # ruleid: llm-output-html-injection
    return render_template_string("<h1>Hello</h1>" + text)


@app.get("/greeting-safe")
def greeting_safe():
    msg = claude.messages.create(model="claude-haiku-4-5", max_tokens=256, messages=[{"role": "user", "content": "Say hello"}])
    # ok: llm-output-html-injection
    return render_template_string("<h1>Hello</h1><p>{{ text }}</p>", text=msg.content[0].text)


def django_view(request):
    reply = client.responses.create(model="gpt-4.1", input=request.GET["q"]).output_text
    # ruleid: llm-output-html-injection
    return mark_safe(f"<div class='answer'>{reply}</div>")


async def fastapi_answer(question: str):
    reply = summarize(question)
    # ruleid: llm-output-html-injection
    return HTMLResponse(content=f"<html><body>{reply}</body></html>")


def streamlit_chat(prompt: str) -> None:
    reply = summarize(prompt)
    # ruleid: llm-output-html-injection
    st.markdown(reply, unsafe_allow_html=True)
    # ok: llm-output-html-injection
    st.markdown(reply)
    # ok: llm-output-html-injection
    st.markdown(Markup("<b>static</b>"), unsafe_allow_html=True)
