import uuid

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from pydantic import BaseModel, Field, HttpUrl

from app.core.security import require_api_key
from app.ingest.loaders import chunk, load_pdf, load_url
from app.services import llm, retriever

router = APIRouter()


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    include_help_center: bool = False


class IngestUrlRequest(BaseModel):
    url: HttpUrl


@router.post("/ask")
async def ask(body: AskRequest, tenant: str = Depends(require_api_key)):
    chunks = await retriever.search(tenant, body.question)
    if body.include_help_center:
        chunks += await retriever.search_shared(body.question)
    return {"answer": await llm.answer(body.question, chunks), "sources": len(chunks)}


@router.post("/documents/url")
async def ingest_url(body: IngestUrlRequest, tenant: str = Depends(require_api_key)):
    try:
        text = await load_url(str(body.url))
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return await _store(tenant, text)


@router.post("/documents/pdf")
async def ingest_pdf(file: UploadFile = File(...), tenant: str = Depends(require_api_key)):
    if file.content_type != "application/pdf":
        raise HTTPException(status_code=415, detail="PDF only")
    return await _store(tenant, load_pdf(await file.read()))


@router.get("/analytics/count")
async def count(q: str, tenant: str = Depends(require_api_key)):
    where = await llm.suggest_filters(q, ["source", "created_at", "page_count", "language"])
    return {"where": where, "count": retriever.count_documents(tenant, where)}


async def _store(tenant: str, text: str) -> dict:
    doc_id = str(uuid.uuid4())
    parts = chunk(text)
    vectors = await llm.embed(parts)
    retriever.insert_chunks(tenant, doc_id, parts, vectors)
    return {"id": doc_id, "chunks": len(parts)}
