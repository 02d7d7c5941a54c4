import pickle
import cPickle
import dill
import joblib
import numpy as np
import pandas as pd
from pickle import loads as unpickle
from safetensors.torch import load_file
from huggingface_hub import hf_hub_download


def load_classifier(path: str):
    with open(path, "rb") as fh:
        # ruleid: unsafe-model-deserialization
        return pickle.load(fh)


def load_from_hub():
    local = hf_hub_download(repo_id="acme/fraud-model", filename="model.joblib", revision="3f5c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f")
    # ruleid: unsafe-model-deserialization
    return joblib.load(local)


def from_bytes(blob: bytes):
    # ruleid: unsafe-model-deserialization
    model = unpickle(blob)
    # ruleid: unsafe-model-deserialization
    legacy = cPickle.loads(blob)
    return model, legacy


def features(path: str):
    # ruleid: unsafe-model-deserialization
    frame = pd.read_pickle(path)
    # ruleid: unsafe-model-deserialization
    emb = np.load(path.replace(".pkl", ".npy"), allow_pickle=True)
    # ok: unsafe-model-deserialization
    plain = np.load(path.replace(".pkl", ".npy"))
    # ok: unsafe-model-deserialization
    explicit = np.load(path.replace(".pkl", ".npy"), allow_pickle=False)
    return frame, emb, plain, explicit


def session(path: str):
    # ruleid: unsafe-model-deserialization
    return dill.load(open(path, "rb"))


def safe_weights(path: str):
    # ok: unsafe-model-deserialization
    return load_file(path)


def save(model, path: str) -> None:
    with open(path, "wb") as fh:
        # ok: unsafe-model-deserialization
        pickle.dump(model, fh)
