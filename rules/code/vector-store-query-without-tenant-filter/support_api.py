"""Multi-tenant support assistant: FastAPI routes and agent tools over shared vector stores."""
import os

import chromadb
import psycopg
import weaviate
from fastapi import Depends, FastAPI, Request
from langchain_chroma import Chroma
from langchain_core.tools import tool
from langchain_openai import OpenAIEmbeddings
from langchain_pinecone import PineconeVectorStore
from pinecone import Pinecone
from pydantic import BaseModel
from qdrant_client import QdrantClient, models

from .auth import User, get_current_user

app = FastAPI()
embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
kb = Chroma(collection_name="support-kb", embedding_function=embeddings, persist_directory="/data/chroma")
pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
index = pc.Index("tickets")
chroma_client = chromadb.HttpClient(host="chroma", port=8000)
qdrant = QdrantClient(url="http://qdrant:6333")
wv = weaviate.connect_to_local()


class Ask(BaseModel):
    question: str


@app.post("/ask")
async def ask(body: Ask, user: User = Depends(get_current_user)):
    # ruleid: vector-store-query-without-tenant-filter
    docs = kb.similarity_search(body.question, k=4)
    return {"context": [d.page_content for d in docs]}


@app.post("/ask-scoped")
async def ask_scoped(body: Ask, user: User = Depends(get_current_user)):
    # ok: vector-store-query-without-tenant-filter
    docs = kb.similarity_search(body.question, k=4, filter={"tenant_id": user.tenant_id})
    return {"context": [d.page_content for d in docs]}


@app.post("/ask-async")
async def ask_async(body: Ask, user: User = Depends(get_current_user)):
    # ruleid: vector-store-query-without-tenant-filter
    scored = await kb.asimilarity_search_with_score(body.question)
    # ruleid: vector-store-query-without-tenant-filter
    diverse = kb.max_marginal_relevance_search(body.question, k=4, fetch_k=20)
    return {"scored": len(scored), "diverse": len(diverse)}


@app.post("/chat")
def chat(body: Ask, user: User = Depends(get_current_user)):
    # ruleid: vector-store-query-without-tenant-filter
    retriever = kb.as_retriever(search_kwargs={"k": 6})
    return retriever.invoke(body.question)


@app.post("/chat-scoped")
def chat_scoped(body: Ask, user: User = Depends(get_current_user)):
    # ok: vector-store-query-without-tenant-filter
    retriever = kb.as_retriever(search_kwargs={"k": 6, "filter": {"org_id": user.org_id}})
    return retriever.invoke(body.question)


@app.get("/tickets/similar")
def similar_tickets(request: Request, q: str):
    vector = embeddings.embed_query(q)
    # ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
    res = index.query(vector=vector, top_k=5, include_metadata=True)
    return res.to_dict()


@app.get("/tickets/similar-ns")
def similar_tickets_ns(q: str, user: User = Depends(get_current_user)):
    vector = embeddings.embed_query(q)
    # ok: vector-store-query-without-tenant-filter
    res = index.query(vector=vector, top_k=5, namespace=user.tenant_id, include_metadata=True)
    return res.to_dict()


@app.get("/faq")
def faq(q: str, tenant_id: str):
    faq_collection = chroma_client.get_or_create_collection("faq")
    # ruleid: vector-store-query-without-tenant-filter
    hits = faq_collection.query(query_texts=[q], n_results=3)
    return hits["documents"]


@app.get("/faq-where")
def faq_where(q: str, tenant_id: str):
    faq_collection = chroma_client.get_or_create_collection("faq")
    # ok: vector-store-query-without-tenant-filter
    hits = faq_collection.query(query_texts=[q], n_results=3, where={"tenant_id": tenant_id})
    return hits["documents"]


@app.get("/notes")
def notes(q: str, tenant_id: str):
    # a collection per tenant: the name itself scopes the search
    notes_collection = chroma_client.get_collection(f"notes_{tenant_id}")
    # ok: vector-store-query-without-tenant-filter
    hits = notes_collection.query(query_texts=[q], n_results=3)
    return hits["documents"]


@app.get("/notes-store")
def notes_store(q: str, user: User = Depends(get_current_user)):
    store = Chroma(collection_name="notes_{}".format(user.org_id), embedding_function=embeddings)
    # ok: vector-store-query-without-tenant-filter
    return store.similarity_search(q)


@app.get("/pinecone-store")
def pinecone_store(q: str, account_id: str):
    store = PineconeVectorStore(index_name="kb", embedding=embeddings, namespace=account_id)
    # ok: vector-store-query-without-tenant-filter
    return store.similarity_search(q)


@app.get("/contracts")
def contracts(q: str, user: User = Depends(get_current_user)):
    # ruleid: vector-store-query-without-tenant-filter
    hits = qdrant.query_points(collection_name="contracts", query=embeddings.embed_query(q), limit=5)
    # ok: vector-store-query-without-tenant-filter
    mine = qdrant.query_points(
        collection_name="contracts",
        query=embeddings.embed_query(q),
        query_filter=models.Filter(must=[models.FieldCondition(key="tenant_id", match=models.MatchValue(value=user.tenant_id))]),
        limit=5,
    )
    return hits, mine


@app.get("/articles")
def articles(q: str, user: User = Depends(get_current_user)):
    articles_col = wv.collections.get("Article")
    # ruleid: vector-store-query-without-tenant-filter
    res = articles_col.query.near_text(query=q, limit=5)
    # ok: vector-store-query-without-tenant-filter
    own = articles_col.with_tenant(user.tenant_id).query.near_text(query=q, limit=5)
    return res.objects + own.objects


@app.get("/pg/search")
def pg_search(q: str, user: User = Depends(get_current_user)):
    vec = embeddings.embed_query(q)
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute(
            # ruleid: vector-store-query-without-tenant-filter
            "SELECT id, body FROM chunks ORDER BY embedding <=> %s::vector LIMIT 5",
            (str(vec),),
        ).fetchall()
        mine = conn.execute(
            # ok: vector-store-query-without-tenant-filter
            "SELECT id, body FROM chunks WHERE tenant_id = %s ORDER BY embedding <=> %s::vector LIMIT 5",
            (user.tenant_id, str(vec)),
        ).fetchall()
    return rows + mine


@tool
def search_knowledge_base(query: str) -> str:
    """Search the customer knowledge base."""
    # ok: vector-store-query-without-tenant-filter (no caller identity in scope: one index for everybody)
    docs = kb.similarity_search(query, k=3)
    return "\n".join(d.page_content for d in docs)


def retrieve(query: str) -> list:
    """A plain helper: the rule cannot see which route calls it."""
    # todoruleid: vector-store-query-without-tenant-filter
    return kb.similarity_search(query)


def build_eval_set(questions: list[str]) -> list:
    # ok: vector-store-query-without-tenant-filter
    return [kb.similarity_search(q, k=2) for q in questions]


if __name__ == "__main__":
    # ok: vector-store-query-without-tenant-filter
    print(kb.similarity_search("refund policy"))
