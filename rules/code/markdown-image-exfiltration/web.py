import bleach
import gradio as gr
import markdown
import nh3
from flask import Flask, render_template, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


def ask(question: str) -> str:
    res = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return res.choices[0].message.content or ""


@app.post("/answer")
def answer():
    reply = ask(request.form["q"])
    page = markdown.markdown(reply, extensions=["fenced_code"])
    # ruleid: markdown-image-exfiltration
    return page


@app.post("/answer-safe")
def answer_safe():
    reply = ask(request.form["q"])
    # ok: markdown-image-exfiltration
    return bleach.clean(markdown.markdown(reply))


@app.post("/answer-page")
def answer_page():
    reply = ask(request.form["q"])
    html = nh3.clean(markdown.markdown(reply))
    # ruleid: markdown-image-exfiltration
    return render_template("answer.html", answer_html=html)


@app.post("/answer-markup")
def answer_markup():
    reply = ask(request.form["q"])
    # ruleid: markdown-image-exfiltration
    body = Markup(nh3.clean(markdown.markdown(reply)))
    # ok: markdown-image-exfiltration
    safe = Markup(nh3.clean(markdown.markdown(reply), tags={"p", "a", "code", "pre", "em", "strong"}))
    return render_template("answer.html", body=body, safe=safe)


@app.get("/health")
def health():
    # ok: markdown-image-exfiltration
    return markdown.markdown("# OK")


def respond(message, history):
    text = ask(message)
    # ruleid: markdown-image-exfiltration
    return gr.Markdown(value=text)


def respond_plain(message, history):
    text = ask(message)
    # ok: markdown-image-exfiltration
    return gr.Textbox(value=text)


with gr.Blocks() as demo:
    # ok: markdown-image-exfiltration
    gr.Markdown("# Ask the docs")
