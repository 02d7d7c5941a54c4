import io
import ipaddress
import socket
from urllib.parse import urlparse

import httpx
from bs4 import BeautifulSoup
from pypdf import PdfReader

ALLOWED_SCHEMES = {"http", "https"}


def _is_public_host(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved:
            return False
    return True


async def load_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ALLOWED_SCHEMES or not parsed.hostname or not _is_public_host(parsed.hostname):
        raise ValueError("URL not allowed")
    async with httpx.AsyncClient(timeout=20, follow_redirects=False) as client:
        resp = await client.get(url)
        resp.raise_for_status()
    return BeautifulSoup(resp.text, "html.parser").get_text(" ", strip=True)


def load_pdf(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def chunk(text: str, size: int = 1200, overlap: int = 200) -> list[str]:
    out, start = [], 0
    while start < len(text):
        out.append(text[start : start + size])
        start += size - overlap
    return out
