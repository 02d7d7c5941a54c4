"""A Flask bridge that forwards sampling requests to an MCP client session."""
from flask import Flask, request

from bridge import run_async, session
from mcp.types import SamplingMessage, TextContent

app = Flask(__name__)


@app.post("/sampling")
def relay():
    body = request.get_json()
    messages = [SamplingMessage(role="user", content=TextContent(type="text", text=body["text"]))]
    params = body["params"]
    # the caller's own system prompt for its own completion, relayed as the protocol defines it
    # ok: untrusted-input-in-system-prompt
    return run_async(session.create_message(messages=messages, max_tokens=500, system_prompt=params.systemPrompt))


@app.post("/triage")
def triage():
    body = request.get_json()
    messages = [SamplingMessage(role="user", content=TextContent(type="text", text=body["text"]))]
    # ruleid: untrusted-input-in-system-prompt
    return run_async(session.create_message(messages=messages, max_tokens=300, system_prompt=f"Triage for team {body['team']}."))
