from urllib.parse import urlparse

from fastapi import FastAPI, HTTPException
from langchain_community.document_loaders import WebBaseLoader
from langchain_community.vectorstores import Chroma
from langchain_openai import OpenAIEmbeddings

app = FastAPI()
store = Chroma(collection_name="kb", embedding_function=OpenAIEmbeddings(), persist_directory="/data/chroma")
TRUSTED_HOSTS = {"docs.acme.example", "wiki.acme.example"}


@app.post("/ingest")
def ingest(url: str, tenant: str):
    if urlparse(url).hostname not in TRUSTED_HOSTS:
        raise HTTPException(400, "source not allowed")
    docs = WebBaseLoader(url).load()
    for d in docs:
        d.metadata["tenant"] = tenant
    store.add_documents(docs)
    return {"added": len(docs)}


@app.get("/search")
def search(q: str, tenant: str):
    hits = store.similarity_search(q, k=5, filter={"tenant": tenant})
    return [h.page_content for h in hits]
