"""Index ./docs and ask one question (run from the repository root)."""
from pathlib import Path

from app import llm, store
from app.ingest import ingest_folder

if __name__ == "__main__":
    n = ingest_folder(Path("docs"), workspace="demo")
    print(f"indexed {n} files")
    question = "How do I configure the server?"
    print(llm.answer(question, store.search(question, "demo")))
