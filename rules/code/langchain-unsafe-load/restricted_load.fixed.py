"""Restricted loading: only the expected classes can be revived."""
from fastapi import FastAPI, Request
from langchain_core.load import load, loads
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate

app = FastAPI()


@app.post("/history")
async def history(request: Request):
    body = await request.json()
    # ok: langchain-unsafe-load
    messages = loads(body["history"], allowed_objects=[AIMessage, HumanMessage, SystemMessage])
    return {"count": len(messages)}


def load_prompt_from_store(raw: str):
    # ruleid: langchain-unsafe-load
    return loads(raw, allowed_objects=[ChatPromptTemplate], secrets_from_env=False)


def load_prompt_explicit_secrets(raw: str, key: str):
    # ok: langchain-unsafe-load
    return loads(raw, allowed_objects=[ChatPromptTemplate], secrets_map={"OPENAI_API_KEY": key}, secrets_from_env=False)


class HistoryTracer:
    """Revives the inputs and outputs of its own runs as chat messages."""

    def on_run_end(self, run):
        # ok: langchain-unsafe-load
        inputs = load(run.inputs, allowed_objects="messages")
        # ok: langchain-unsafe-load
        outputs = load(run.outputs, allowed_objects="messages")
        return inputs, outputs

