"""Turns uploaded files and URLs into LangChain documents."""
from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlparse

import httpx
from bs4 import BeautifulSoup
from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter
from pypdf import PdfReader

from rag.config import get_settings

SUPPORTED_SUFFIXES = {".pdf", ".md", ".txt"}


class UnsupportedFile(ValueError):
    pass


def save_upload(name: str, data: bytes) -> Path:
    """Keeps a copy of the uploaded file so it can be re-indexed later."""
    settings = get_settings()
    if len(data) > settings.max_upload_mb * 1024 * 1024:
        raise UnsupportedFile(f"{name} is larger than {settings.max_upload_mb} MB")
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(f"unsupported file type: {suffix or 'none'}")
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    target = settings.upload_dir / name
    target.write_bytes(data)
    return target


def load_bytes(name: str, data: bytes) -> list[Document]:
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        return [
            Document(page_content=page.extract_text() or "", metadata={"source": name, "page": i + 1})
            for i, page in enumerate(reader.pages)
        ]
    if suffix in {".md", ".txt"}:
        return [Document(page_content=data.decode("utf-8", errors="replace"), metadata={"source": name})]
    raise UnsupportedFile(f"unsupported file type: {suffix}")


def load_url(url: str, timeout: float = 15.0) -> list[Document]:
    """Fetches a web page from an allow-listed host and returns its visible text."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or host not in get_settings().allowed_hosts:
        raise UnsupportedFile(f"URL not allowed: {url}")
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        resp = client.get(url, headers={"User-Agent": "DocChat/0.4"})
        resp.raise_for_status()
    soup = BeautifulSoup(resp.text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer"]):
        tag.decompose()
    title = soup.title.string.strip() if soup.title and soup.title.string else url
    return [Document(page_content=soup.get_text(" ", strip=True), metadata={"source": url, "title": title})]


def split(docs: list[Document]) -> list[Document]:
    settings = get_settings()
    splitter = RecursiveCharacterTextSplitter(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)
    return splitter.split_documents(docs)
