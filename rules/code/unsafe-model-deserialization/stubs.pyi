import pickle
import numpy as np
from typing import Any

def load_model(path: str) -> Any: ...

# ok: unsafe-model-deserialization
reveal_type(np.load("weights.npy", allow_pickle=True))
# ok: unsafe-model-deserialization
reveal_type(pickle.load(open("model.pkl", "rb")))
