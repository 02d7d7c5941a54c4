import json

from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModel, AutoTokenizer

MODEL_ID = "acme-research/doc-embedder-v2"
MODEL_REV = "3f2c1a9e5b7d4c8e9a0b1c2d3e4f5a6b7c8d9e0f"


def load_embedder():
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, revision=MODEL_REV)
    model = AutoModel.from_pretrained(MODEL_ID, revision=MODEL_REV, use_safetensors=True)
    return tokenizer, model


def load_labels() -> dict:
    path = hf_hub_download(repo_id="acme-research/doc-labels", filename="labels.json", revision="8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e")
    with open(path) as fh:
        return json.load(fh)


def fetch_reranker() -> str:
    return snapshot_download("acme-research/reranker-small", revision="a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0")
