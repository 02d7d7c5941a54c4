import pickle

import keras
import torch
from huggingface_hub import hf_hub_download

REPO = "acme-research/classifier"
REV = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"


def load_classifier(device: str = "cpu"):
    path = hf_hub_download(REPO, "model.pt", revision=REV)
    return torch.load(path, map_location=device)


def load_vectorizer(path: str):
    with open(path, "rb") as fh:
        return pickle.load(fh)


def load_keras(path: str):
    return keras.saving.load_model(path, safe_mode=False)
