"""A support knowledge base: staff and customers can add articles; the chatbot retrieves them."""
import chromadb
from fastapi import FastAPI, UploadFile
from flask import Flask, request
from langchain_community.document_loaders import WebBaseLoader
from langchain_core.documents import Document
from langchain_core.tools import tool
from langchain_openai import OpenAIEmbeddings
from langchain_chroma import Chroma
from langchain_text_splitters import RecursiveCharacterTextSplitter
from openai import OpenAI
from pinecone import Pinecone

app = Flask(__name__)
api = FastAPI()
client = OpenAI()
vectorstore = Chroma(collection_name="kb", embedding_function=OpenAIEmbeddings())
splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=100)
collection = chromadb.PersistentClient(path="./chroma").get_or_create_collection("faq")
index = Pinecone().Index("support-kb")
TRUSTED_SITES = {"https://docs.example.com", "https://status.example.com"}


@app.post("/kb/articles")
def add_article():
    body = request.get_json()
    doc = Document(page_content=body["text"], metadata={"author": body.get("author")})
    # ruleid: untrusted-data-ingestion
    vectorstore.add_documents([doc])
    return {"ok": True}


@app.post("/kb/import")
def import_page():
    url = request.json["url"]
    docs = WebBaseLoader(url).load()
    chunks = splitter.split_documents(docs)
    # ruleid: untrusted-data-ingestion
    vectorstore.add_documents(chunks)
    return {"chunks": len(chunks)}


@app.post("/kb/import-trusted")
def import_trusted_page():
    url = request.json["url"]
    if url not in TRUSTED_SITES:
        return {"error": "source not allowed"}, 400
    docs = WebBaseLoader(url).load()
    # ok: untrusted-data-ingestion
    vectorstore.add_documents(splitter.split_documents(docs))
    return {"ok": True}


@app.post("/kb/moderated")
def add_moderated():
    text = request.form["text"]
    verdict = client.moderations.create(model="omni-moderation-latest", input=text)
    if verdict.results[0].flagged:
        return {"error": "rejected"}, 422
    # ok: untrusted-data-ingestion
    vectorstore.add_texts([text], metadatas=[{"source": "user"}])
    return {"ok": True}


@app.post("/faq")
def add_faq():
    q, a = request.form["question"], request.form["answer"]
    # ruleid: untrusted-data-ingestion
    collection.add(documents=[f"Q: {q}\nA: {a}"], ids=[q])
    return {"ok": True}


@api.post("/vectors")
async def upsert_vectors(payload: dict):
    embedding = client.embeddings.create(model="text-embedding-3-small", input=payload["text"]).data[0].embedding
    # ruleid: untrusted-data-ingestion
    index.upsert(vectors=[{"id": payload["id"], "values": embedding, "metadata": {"text": payload["text"]}}])
    return {"ok": True}


@tool
def remember(fact: str) -> str:
    """Save a fact about the user to long-term memory."""
    # ruleid: untrusted-data-ingestion
    vectorstore.add_texts([fact])
    return "saved"


@app.post("/orders")
def create_order():
    # ok: untrusted-data-ingestion
    collection.add(ids=["static"], documents=["Shipping takes 3-5 business days."])
    return {"ok": True}
