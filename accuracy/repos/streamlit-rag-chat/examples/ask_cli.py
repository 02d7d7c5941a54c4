"""Ask one question from the terminal. Usage: python examples/ask_cli.py "What is the refund policy?" """
import sys

from dotenv import load_dotenv

from rag.chain import RagChain
from rag.store import DocumentStore

if __name__ == "__main__":
    load_dotenv()
    chain = RagChain(DocumentStore().retriever())
    answer = chain.ask(" ".join(sys.argv[1:]) or "Summarise the documents.")
    print(answer.text)
    for i, src in enumerate(answer.sources, 1):
        print(f"  [{i}] {src.get('source')}")
