"""A topic-model library's own save/load API and dataset cache: no network, no requests, no hub."""
import os
import pickle

import joblib
import numpy as np


class SaveLoad:
    """Persistence contract: the caller loads the file it saved earlier with save()."""

    def save(self, fname):
        with open(fname, "wb") as fout:
            pickle.dump(self, fout, protocol=4)

    @classmethod
    def load(cls, fname):
        with open(fname, "rb") as fin:
            # ok: unsafe-model-deserialization
            model = pickle.load(fin)
        return model


class EmbeddingIndex:
    def __init__(self, vectors):
        self.vectors = np.asarray(vectors)

    def __setstate__(self, state):
        # the pickle protocol restoring this object's own fields
        # ok: unsafe-model-deserialization
        self.vectors = pickle.loads(state["model_vectors"])


def cached_features(data_home):
    samples_path = os.path.join(data_home, "samples.joblib")
    if not os.path.exists(samples_path):
        joblib.dump(np.zeros((10, 4)), samples_path, compress=9)
    # ok: unsafe-model-deserialization
    return joblib.load(samples_path)


def load_downloaded_model(downloaded_path):
    # the name says the file came from elsewhere: still reported
    # ruleid: unsafe-model-deserialization
    return joblib.load(downloaded_path)


def restore_agent_state(blob_from_model: str):
    import base64

    # the model wrote the blob: prompt injection chooses the bytes
    # ruleid: unsafe-model-deserialization
    return pickle.loads(base64.b64decode(blob_from_model))
