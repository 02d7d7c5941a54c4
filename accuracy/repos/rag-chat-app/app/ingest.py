import hashlib
from pathlib import Path

import tiktoken

from . import store

enc = tiktoken.get_encoding("cl100k_base")


def chunk(text: str, size: int = 400, overlap: int = 50) -> list[str]:
    tokens = enc.encode(text)
    out = []
    for start in range(0, len(tokens), size - overlap):
        out.append(enc.decode(tokens[start : start + size]))
    return out


def ingest_folder(folder: Path, workspace: str) -> int:
    n = 0
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        doc_id = hashlib.sha1(str(path).encode()).hexdigest()[:12]
        store.add(doc_id, chunk(text), str(path.relative_to(folder)), workspace)
        n += 1
    return n
