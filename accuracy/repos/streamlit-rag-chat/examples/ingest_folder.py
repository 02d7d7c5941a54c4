"""Bulk-index a local folder of documents. Usage: python examples/ingest_folder.py ./handbook"""
import argparse
from pathlib import Path

from dotenv import load_dotenv

from rag.loaders import SUPPORTED_SUFFIXES, load_bytes, split
from rag.store import DocumentStore


def main() -> None:
    load_dotenv()
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    store = DocumentStore()
    total = 0
    for path in sorted(args.folder.rglob("*")):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES or not path.is_file():
            continue
        chunks = split(load_bytes(path.name, path.read_bytes()))
        print(f"{path}: {len(chunks)} chunks")
        if not args.dry_run:
            total += store.add(chunks)
    print(f"indexed {total} chunks")


if __name__ == "__main__":
    main()
