"""Re-embeds every chunk of a tenant after an embedding model change. Usage: python scripts/reindex.py acme"""
import asyncio
import sys

from app.services import llm, retriever


async def main(tenant: str) -> None:
    with retriever._connect() as conn:
        rows = conn.execute("SELECT id, content FROM chunks WHERE tenant = %s", (tenant,)).fetchall()
        for i in range(0, len(rows), 100):
            batch = rows[i : i + 100]
            vectors = await llm.embed([r[1] for r in batch])
            conn.cursor().executemany("UPDATE chunks SET embedding = %s WHERE id = %s", [(v, r[0]) for v, r in zip(vectors, batch)])


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
