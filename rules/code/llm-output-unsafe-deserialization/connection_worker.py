"""A worker process: its parent pickles the job state onto the worker's stdin (local IPC)."""
import pickle
import sys

from flask import Flask, request

app = Flask(__name__)


def read_frame(stream) -> bytes:
    size = int(stream.readline())
    return stream.read(size)


def main() -> None:
    stdin = sys.stdin.buffer
    init_data = read_frame(stdin)
    # ok: llm-output-unsafe-deserialization
    state = pickle.loads(init_data, encoding="bytes")
    print(len(state))


@app.post("/state")
def push_state():
    # the same frame sent over HTTP comes from whoever reaches the port
    # ruleid: llm-output-unsafe-deserialization
    state = pickle.loads(request.get_data())
    return {"items": len(state)}


def from_cli() -> None:
    # ok: llm-output-unsafe-deserialization
    config = pickle.loads(bytes.fromhex(sys.argv[1]))
    print(config)


if __name__ == "__main__":
    main()
