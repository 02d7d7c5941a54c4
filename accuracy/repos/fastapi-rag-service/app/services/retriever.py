import psycopg
from pgvector.psycopg import register_vector

from app.core.config import settings
from app.services.llm import embed


def _connect() -> psycopg.Connection:
    conn = psycopg.connect(settings.database_url)
    register_vector(conn)
    return conn


async def search(tenant: str, question: str, k: int | None = None) -> list[str]:
    [vector] = await embed([question])
    with _connect() as conn:
        rows = conn.execute(
            "SELECT content FROM chunks WHERE tenant = %s ORDER BY embedding <=> %s LIMIT %s",
            (tenant, vector, k or settings.top_k),
        ).fetchall()
    return [r[0] for r in rows]


async def search_shared(question: str, k: int = 4) -> list[str]:
    """Public help-center articles, shared by every tenant."""
    [vector] = await embed([question])
    with _connect() as conn:
        rows = conn.execute(
            "SELECT content FROM help_articles ORDER BY embedding <=> %s LIMIT %s", (vector, k)
        ).fetchall()
    return [r[0] for r in rows]


def count_documents(tenant: str, where_clause: str) -> int:
    with _connect() as conn:
        row = conn.execute(f"SELECT count(*) FROM documents WHERE tenant = %s AND ({where_clause})", (tenant,)).fetchone()
    return int(row[0]) if row else 0


def insert_chunks(tenant: str, doc_id: str, chunks: list[str], vectors: list[list[float]]) -> None:
    with _connect() as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO chunks (tenant, doc_id, content, embedding) VALUES (%s, %s, %s, %s)",
                [(tenant, doc_id, c, v) for c, v in zip(chunks, vectors)],
            )
