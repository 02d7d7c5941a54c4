import logging
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, HTTPException, Request, status
from llama_index.core.llms import ChatMessage, MessageRole
from llama_index.core.vector_stores.types import MetadataFilter, MetadataFilters, FilterCondition, FilterOperator
from pydantic import BaseModel

from app.engine import get_chat_engine
from app.api.routers.vercel_response import VercelStreamResponse

chat_router = r = APIRouter()
logger = logging.getLogger("uvicorn")


class _Message(BaseModel):
    role: MessageRole
    content: str
    annotations: Optional[List[Dict[str, Any]]] = None


class ChatData(BaseModel):
    messages: List[_Message]
    data: Optional[Dict[str, Any]] = None

    def last_content(self) -> str:
        if not self.messages:
            raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="No messages provided")
        last = self.messages[-1]
        if last.role != MessageRole.USER:
            raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Last message must be from user")
        return last.content

    def history(self) -> List[ChatMessage]:
        return [ChatMessage(role=m.role, content=m.content) for m in self.messages[:-1]]

    def uploaded_doc_ids(self) -> List[str]:
        ids: List[str] = []
        for m in self.messages:
            for a in m.annotations or []:
                if a.get("type") == "document_file":
                    ids += [f["id"] for f in a.get("data", {}).get("files", [])]
        return ids


def generate_filters(doc_ids: List[str]) -> MetadataFilters:
    public = MetadataFilter(key="private", value="true", operator=FilterOperator.NE)
    if not doc_ids:
        return MetadataFilters(filters=[public])
    own = MetadataFilter(key="doc_id", value=doc_ids, operator=FilterOperator.IN)
    return MetadataFilters(filters=[public, own], condition=FilterCondition.OR)


@r.post("")
async def chat(request: Request, data: ChatData):
    last_message_content = data.last_content()
    messages = data.history()
    filters = generate_filters(data.uploaded_doc_ids())
    logger.info(f"Creating chat engine with filters: {str(filters)}")
    chat_engine = get_chat_engine(filters=filters)
    response = await chat_engine.astream_chat(last_message_content, messages)
    return VercelStreamResponse(request, response)


@r.post("/request")
async def chat_request(data: ChatData):
    last_message_content = data.last_content()
    chat_engine = get_chat_engine(filters=generate_filters(data.uploaded_doc_ids()))
    response = await chat_engine.achat(last_message_content, data.history())
    return {"result": {"role": "assistant", "content": response.response}, "nodes": [n.node.metadata for n in response.source_nodes]}
