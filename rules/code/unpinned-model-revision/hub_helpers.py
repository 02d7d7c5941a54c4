"""Loaders of a retrieval service: helpers with default model ids, rerankers, vision backbones."""
from typing import Optional

import open_clip
import timm
import torch
from huggingface_hub import HfApi, hf_hub_download, hf_hub_url
from sentence_transformers import CrossEncoder, SentenceTransformer
from transformers import AutoModel, AutoTokenizer, pipeline

DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
EMBEDDING_REVISION = "c9745ed1d9f207416be6d2e6f8de32d1f16199bf"
api = HfApi()


def get_embedder(model_name: str = DEFAULT_EMBEDDING_MODEL, device: Optional[str] = None):
    # ruleid: unpinned-model-revision
    return SentenceTransformer(model_name, device=device)


def get_pinned_embedder(model_name: str = DEFAULT_EMBEDDING_MODEL):
    # ok: unpinned-model-revision
    return SentenceTransformer(model_name, revision=EMBEDDING_REVISION)


def load_encoder(model_id: str):
    # ok: unpinned-model-revision
    return AutoModel.from_pretrained(model_id)


def load_with_options(model_id: str = "acme-labs/encoder", **hub_kwargs):
    # ok: unpinned-model-revision
    return AutoTokenizer.from_pretrained(model_id, **hub_kwargs)


class Reranker:
    model_name = "BAAI/bge-reranker-base"

    def __init__(self, top_k: int = 5):
        self.top_k = top_k
        # ruleid: unpinned-model-revision
        self.model = CrossEncoder(self.model_name)


class Summarizer:
    def __init__(self, model_name: str = "facebook/bart-large-cnn"):
        self.model_name = model_name
        # ruleid: unpinned-model-revision
        self.pipe = pipeline("summarization", self.model_name)


def download_weights():
    # ruleid: unpinned-model-revision
    url = hf_hub_url("acme-labs/detector", "model.safetensors")
    # ruleid: unpinned-model-revision
    path = api.hf_hub_download("acme-labs/detector", "config.json")
    # ok: unpinned-model-revision
    pinned = hf_hub_download("acme-labs/detector", "model.safetensors", revision=EMBEDDING_REVISION)
    return url, path, pinned


def vision_backbones():
    # ruleid: unpinned-model-revision
    vit = timm.create_model("hf-hub:timm/vit_base_patch16_224.augreg_in21k", pretrained=True)
    # ok: unpinned-model-revision
    pinned_vit = timm.create_model("hf-hub:timm/vit_base_patch16_224.augreg_in21k@c9745ed1d9f207416be6d2e6f8de32d1f16199bf", pretrained=True)
    # ok: unpinned-model-revision
    resnet = timm.create_model("resnet50", pretrained=True)
    # ruleid: unpinned-model-revision
    clip = open_clip.create_model_and_transforms("hf-hub:laion/CLIP-ViT-B-32-laion2B-s34B-b79K")
    return vit, pinned_vit, resnet, clip


def detectors():
    # ruleid: unpinned-model-revision
    yolo = torch.hub.load("ultralytics/yolov5", "yolov5s")
    # ruleid: unpinned-model-revision
    tagged = torch.hub.load("pytorch/vision:v0.10.0", "resnet18", pretrained=True)
    # ok: unpinned-model-revision
    pinned = torch.hub.load("pytorch/vision:c9745ed1d9f207416be6d2e6f8de32d1f16199bf", "resnet18")
    # ok: unpinned-model-revision
    local = torch.hub.load("third_party/yolov5", "custom", source="local")
    return yolo, tagged, pinned, local
