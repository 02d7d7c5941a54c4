from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from openai import OpenAI
from pydantic import BaseModel

app = FastAPI()
client = OpenAI()


class StreamRequest(BaseModel):
    prompt: str
    n: int = 1
    max_tokens: int | None = None


@app.post("/v1/stream")
def stream(req: StreamRequest):
    # ruleid: request-controlled-generation-limit
    s = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": req.prompt}], max_tokens=req.max_tokens, stream=True)
    return StreamingResponse((c.choices[0].delta.content or "" for c in s), media_type="text/plain")
