"""A model-serving endpoint: the uploaded bytes are the attacker's."""
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.post("/predict")
def predict():
    # ruleid: unsafe-model-deserialization
    model = pickle.loads(request.files["model"].read())
    return {"prediction": model.predict([[1.0, 2.0]]).tolist()}


class RemoteEstimator:
    def __setstate__(self, state):
        # ok: unsafe-model-deserialization
        self.model = pickle.loads(state["model"])


def fetch_training_set(data_home: str):
    """Downloads a CSV once and caches the parsed arrays with joblib: later loads read the module's own cache."""
    import os

    import joblib
    import numpy as np
    import requests

    samples_path = os.path.join(data_home, "samples.joblib")
    if not os.path.exists(samples_path):
        rows = requests.get("https://data.example.org/train.csv", timeout=30).text.splitlines()
        tmp_path = samples_path + ".tmp"
        joblib.dump(np.array([r.split(",") for r in rows]), tmp_path)
        os.rename(tmp_path, samples_path)
    # ok: unsafe-model-deserialization
    return joblib.load(samples_path)


def fetch_pretrained(model_url: str, cache_dir: str):
    local = cache_dir + "/pretrained.pkl"
    with open(local, "wb") as out:
        out.write(request.get_data())
    # ruleid: unsafe-model-deserialization
    return pickle.load(open(model_url.split("/")[-1], "rb"))
