"""A report service that lets users and the model write templates."""
import jinja2
from flask import Flask, render_template_string, request
from jinja2 import Environment, FileSystemLoader, Template
from jinja2.sandbox import SandboxedEnvironment
from langchain_core.prompts import PromptTemplate
from langchain_openai import ChatOpenAI
from mcp.server.fastmcp import FastMCP

app = Flask(__name__)
mcp = FastMCP("reports")
llm = ChatOpenAI(model="gpt-4o-mini")
env = Environment(loader=FileSystemLoader("templates"), autoescape=True)
sandbox = SandboxedEnvironment()

GREETING = "Hello {{ name }}!"


@app.post("/render")
def render():
    body = request.get_json()
    # ruleid: untrusted-template-compilation
    tpl = Template(body["template"])
    return tpl.render(user=body.get("user"))


@app.post("/preview")
def preview():
    source = request.form["source"]
    # ruleid: untrusted-template-compilation
    return render_template_string(f"<h1>Preview</h1>{source}")


@app.post("/email")
def email():
    text = request.form["text"]
    # ruleid: untrusted-template-compilation
    return env.from_string(text).render()


@app.post("/safe-email")
def safe_email():
    text = request.form["text"]
    # ok: untrusted-template-compilation
    page = sandbox.from_string(text).render()
    # ok: untrusted-template-compilation
    greeting = Template(GREETING).render(name=text)
    # ok: untrusted-template-compilation
    body = env.get_template("email.html").render(text=text)
    return page + greeting + body


@mcp.tool()
def render_report(template: str, title: str) -> str:
    """The model writes the report layout."""
    # ruleid: untrusted-template-compilation
    return jinja2.Environment().from_string(template).render(title=title)


def summarize_layout(topic: str) -> str:
    layout = llm.invoke(f"Write a Jinja2 layout for a {topic} report").content
    # ruleid: untrusted-template-compilation
    prompt = PromptTemplate.from_template(layout, template_format="jinja2")
    # ok: untrusted-template-compilation
    plain = PromptTemplate.from_template("Summarize {text}")
    # ok: untrusted-template-compilation
    constant = PromptTemplate(template="Summarize {{ text }}", input_variables=["text"], template_format="jinja2")
    return prompt.format() + plain.format(text=layout) + constant.format(text=layout)


@app.post("/custom-prompt")
def custom_prompt():
    user_template = request.json["prompt"]
    # ruleid: untrusted-template-compilation
    p = PromptTemplate(template=user_template, input_variables=[], template_format="jinja2")
    return p.format()
