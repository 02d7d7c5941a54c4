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
    # the default is taken below, in this file
    # ruleid: unpinned-model-revision
    return SentenceTransformer(model_name, device=device)


def build_index(texts):
    return get_embedder(device="cpu").encode(texts)


def get_cross_encoder(model_name: str = "BAAI/bge-reranker-base", device: Optional[str] = None):
    # a public helper whose id is its caller's choice: nothing in this file takes the default
    # ok: unpinned-model-revision
    return CrossEncoder(model_name, device=device)


def rerank(pairs):
    return get_cross_encoder("acme-labs/reranker-pinned-elsewhere", device="cpu").predict(pairs)


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


default_summarizer = Summarizer()


class CaptionLoader:
    """A loader class whose model ids are constructor parameters; its users choose (and pin) them."""

    def __init__(self, images, processor_id: str = "Salesforce/blip-image-captioning-base", model_id: str = "Salesforce/blip-image-captioning-base"):
        self.images = images
        self.processor_id = processor_id
        self.model_id = model_id

    def load(self):
        from transformers import BlipForConditionalGeneration, BlipProcessor

        # ok: unpinned-model-revision
        processor = BlipProcessor.from_pretrained(self.processor_id)
        # ok: unpinned-model-revision
        model = BlipForConditionalGeneration.from_pretrained(self.model_id)
        return processor, model


class DualTokenizerProcessor:
    def __init__(self, tokenizer=None):
        self.char_tokenizer = tokenizer
        # tokenizer files only (vocabulary, merges): no weights, no code
        # ok: unpinned-model-revision
        self.bpe_tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
        # ruleid: unpinned-model-revision
        self.remote_tokenizer = AutoTokenizer.from_pretrained("acme-labs/custom-tok", trust_remote_code=True)


def load_classifier():
    # the tokenizer of a model repository this file loads unpinned is part of that model's pin
    # ruleid: unpinned-model-revision
    tok = AutoTokenizer.from_pretrained("acme-labs/intent-classifier")
    # ruleid: unpinned-model-revision
    model = AutoModel.from_pretrained("acme-labs/intent-classifier")
    return tok, model


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
