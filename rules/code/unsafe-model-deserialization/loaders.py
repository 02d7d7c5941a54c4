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


def clone_estimator(estimator):
    # ok: unsafe-model-deserialization
    return pickle.loads(pickle.dumps(estimator, protocol=pickle.HIGHEST_PROTOCOL))


def test_dill_roundtrip(func):
    f_dumped = dill.dumps(func)
    # ok: unsafe-model-deserialization
    restored = dill.loads(f_dumped)
    return restored


def cache_frame(frame, tmp_path):
    target = tmp_path / "frame.pkl"
    frame.to_pickle(target)
    # ok: unsafe-model-deserialization
    return pd.read_pickle(target)


def persist_model(model, path: str):
    joblib.dump(model, path)
    print("saved to", path)
    # ok: unsafe-model-deserialization
    return joblib.load(path)


def reopen_same_file(model, path: str):
    with open(path, "wb") as out:
        pickle.dump(model, out)
    with open(path, "rb") as fh:
        # ok: unsafe-model-deserialization
        return pickle.load(fh)


def load_other_file(model, path: str, other: str):
    joblib.dump(model, path)
    # ruleid: unsafe-model-deserialization
    return joblib.load(other)


def load_before_save(path: str):
    # ruleid: unsafe-model-deserialization
    model = joblib.load(path)
    joblib.dump(model, path)
    return model
