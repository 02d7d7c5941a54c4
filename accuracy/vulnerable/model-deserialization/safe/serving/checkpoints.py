import json

import keras
import torch
from huggingface_hub import hf_hub_download
from safetensors.torch import load_file

REPO = "acme-research/classifier"
REV = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"


def load_classifier(model: torch.nn.Module, device: str = "cpu"):
    path = hf_hub_download(REPO, "model.safetensors", revision=REV)
    model.load_state_dict(load_file(path, device=device))
    return model


def load_vectorizer(path: str) -> dict:
    with open(path) as fh:
        return json.load(fh)


def load_keras(path: str):
    return keras.saving.load_model(path)
