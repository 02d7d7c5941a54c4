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
