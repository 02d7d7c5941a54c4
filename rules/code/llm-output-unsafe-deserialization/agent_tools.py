import base64
import json
import pickle

import cloudpickle
import dill
import jsonpickle
import marshal
from flask import Flask, request
from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP
from openai import OpenAI

app = Flask(__name__)
mcp = FastMCP("state-tools")
client = OpenAI()


@mcp.tool()
def restore_session(blob: str) -> str:
    """Restore a saved analysis session from a base64 blob."""
    # ruleid: llm-output-unsafe-deserialization
    state = pickle.loads(base64.b64decode(blob))
    return f"restored {len(state)} items"


@mcp.tool()
def restore_session_json(blob: str) -> str:
    # ok: llm-output-unsafe-deserialization
    state = json.loads(base64.b64decode(blob))
    return f"restored {len(state)} items"


@tool
def run_plan(plan: str) -> str:
    # ruleid: llm-output-unsafe-deserialization
    steps = dill.loads(base64.b64decode(plan))
    return str(steps)


def plan_with_model(goal: str):
    res = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": goal}])
    text = res.choices[0].message.content
    # ruleid: llm-output-unsafe-deserialization
    obj = jsonpickle.decode(text)
    # ok: llm-output-unsafe-deserialization
    data = json.loads(text)
    return obj, data


@app.post("/jobs")
def submit_job():
    # ruleid: llm-output-unsafe-deserialization
    job = cloudpickle.loads(request.data)
    # ruleid: llm-output-unsafe-deserialization
    code = marshal.loads(request.get_data())
    # ok: llm-output-unsafe-deserialization
    meta = json.loads(request.data)
    return {"job": str(job), "code": str(code), "meta": meta}


def load_cache(path: str):
    # ok: llm-output-unsafe-deserialization
    with open(path, "rb") as fh:
        return pickle.loads(fh.read())
