"""Restore saved conversations and prompt templates."""
import json
from pathlib import Path

import redis
from fastapi import FastAPI, Request
from langchain.chains import load_chain
from langchain_core.load import dumps, load, loads
from langchain_core.prompts import ChatPromptTemplate

app = FastAPI()
cache = redis.Redis()

PROMPT_JSON = '{"lc": 1, "type": "constructor", "id": ["langchain", "prompts", "chat", "ChatPromptTemplate"], "kwargs": {"input_variables": [], "messages": []}}'
# ok: langchain-unsafe-load
prompt = loads(PROMPT_JSON)
# ok: langchain-unsafe-load
greeting = load({"lc": 1, "type": "constructor", "id": ["langchain_core", "messages", "AIMessage"], "kwargs": {"content": "Hi!"}})


@app.post("/sessions/restore")
async def restore_session(request: Request):
    body = await request.json()
    # ruleid: langchain-unsafe-load
    messages = loads(body["history"])
    return {"count": len(messages)}


@app.post("/sessions/import")
async def import_session(request: Request):
    raw = (await request.body()).decode()
    # ruleid: langchain-unsafe-load
    return {"messages": load(json.loads(raw))}


def restore_from_cache(session_id: str):
    # what this service stored itself, revived with the fixed defaults (core classes only, no environment
    # secrets, dumps escapes user dicts that carry an "lc" key)
    raw = cache.get(f"session:{session_id}")
    # ok: langchain-unsafe-load
    return loads(raw)


def roundtrip(messages):
    # ok: langchain-unsafe-load
    return loads(dumps(messages))


def restore_with_partner_models(raw: str):
    # ruleid: langchain-unsafe-load
    return loads(raw, allowed_objects="all")


def restore_plugins(raw: str):
    # ruleid: langchain-unsafe-load
    return loads(raw, valid_namespaces=["acme_plugins"])


def restore_messages_only(raw: str):
    # ok: langchain-unsafe-load
    return loads(raw, allowed_objects="messages", valid_namespaces=["acme_plugins"])


@app.post("/sessions/plain")
async def plain_history(request: Request):
    body = await request.json()
    # ok: langchain-unsafe-load
    return {"messages": json.loads(body["history"])}


@app.post("/chains/run")
async def run_chain(request: Request):
    name = (await request.json())["chain"]
    # ruleid: langchain-unsafe-load
    chain = load_chain(f"chains/{name}.yaml")
    return chain.invoke({"query": "hi"})


# ok: langchain-unsafe-load
summarizer = load_chain("chains/summarize.yaml")


@app.post("/sessions/core")
async def restore_core(request: Request):
    body = await request.json()
    # the default allowlist ('core') still builds prompts and documents from what the client sends
    # ruleid: langchain-unsafe-load
    return {"messages": loads(body["history"], allowed_objects="core")}
