from fastapi import FastAPI
from flask import Flask, request
from openai import OpenAI
from pydantic import BaseModel, Field

app = FastAPI()
flask_app = Flask(__name__)
client = OpenAI()
MAX_OUT = 1024
ALLOWED_N = {1, 2}


class Completion(BaseModel):
    prompt: str
    n: int = 1
    max_tokens: int | None = None


class BoundedCompletion(BaseModel):
    prompt: str
    max_tokens: int = Field(256, ge=1, le=2048)


@app.post("/v1/complete")
def complete(body: Completion):
    r = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": body.prompt}],
        # ruleid: request-controlled-generation-limit
        max_tokens=body.max_tokens,
        # ruleid: request-controlled-generation-limit
        n=body.n,
    )
    return [c.message.content for c in r.choices]


@app.post("/v1/complete-clamped")
def complete_clamped(body: Completion):
    r = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": body.prompt}],
        # ok: request-controlled-generation-limit
        max_tokens=min(body.max_tokens or 256, MAX_OUT),
        # ok: request-controlled-generation-limit
        n=body.n if body.n in ALLOWED_N else 1,
    )
    return [c.message.content for c in r.choices]


@app.post("/v1/complete-schema")
def complete_schema(body: BoundedCompletion):
    # ok: request-controlled-generation-limit
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": body.prompt}], max_tokens=body.max_tokens)
    return r.choices[0].message.content


@flask_app.post("/summarize")
def summarize():
    data = request.get_json()
    limit = int(data.get("max_tokens", 512))
    # ruleid: request-controlled-generation-limit
    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=limit, messages=[{"role": "user", "content": data["text"]}])
    return {"summary": r.choices[0].message.content}


@flask_app.post("/summarize-guarded")
def summarize_guarded():
    data = request.get_json()
    limit = int(data.get("max_tokens", 512))
    if limit > MAX_OUT:
        return {"error": "max_tokens too large"}, 400
    # ok: request-controlled-generation-limit
    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=limit, messages=[{"role": "user", "content": data["text"]}])
    return {"summary": r.choices[0].message.content}


def offline_batch(prompts: list[str], max_tokens: int) -> list[str]:
    # ok: request-controlled-generation-limit (a parameter of a batch job, not a request)
    return [client.chat.completions.create(model="gpt-4o-mini", max_tokens=max_tokens, messages=[{"role": "user", "content": p}]).choices[0].message.content for p in prompts]
