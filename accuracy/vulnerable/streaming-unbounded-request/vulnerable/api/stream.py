from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from openai import OpenAI
from pydantic import BaseModel

app = FastAPI()
client = OpenAI()


class Req(BaseModel):
    prompt: str
    n: int = 1
    max_tokens: int | None = None


@app.post("/v1/stream")
def stream(req: Req):
    s = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": req.prompt}], n=req.n, max_tokens=req.max_tokens, stream=True)
    return StreamingResponse((c.choices[0].delta.content or "" for c in s), media_type="text/plain")


def refine(text: str) -> str:
    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=800, messages=[{"role": "user", "content": f"Improve this text or reply DONE:\n{text}"}])
    out = r.choices[0].message.content
    if out.strip() == "DONE":
        return text
    return refine(out)
