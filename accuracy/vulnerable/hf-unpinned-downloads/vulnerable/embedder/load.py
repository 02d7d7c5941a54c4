import json

from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModel, AutoTokenizer

MODEL_ID = "acme-research/doc-embedder-v2"


def load_embedder():
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModel.from_pretrained(MODEL_ID, trust_remote_code=True)
    return tokenizer, model


def load_labels() -> dict:
    path = hf_hub_download(repo_id="acme-research/doc-labels", filename="labels.json")
    with open(path) as fh:
        return json.load(fh)


def fetch_reranker() -> str:
    return snapshot_download("acme-research/reranker-small")
