from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from . import llm, store
from .auth import current_workspace

app = FastAPI(title="rag-chat")


class ChatRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    history: list[dict] = Field(default_factory=list, max_length=20)


class ChatResponse(BaseModel):
    answer: str
    sources: list[str]


@app.post("/chat", response_model=ChatResponse)
def chat(req: ChatRequest, workspace: str = Depends(current_workspace)) -> ChatResponse:
    history = [m for m in req.history if m.get("role") in ("user", "assistant")]
    context = store.search(req.question, workspace)
    if not context:
        raise HTTPException(404, "no documents in this workspace")
    return ChatResponse(answer=llm.answer(req.question, context, history), sources=context)
