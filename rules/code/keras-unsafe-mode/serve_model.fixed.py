"""Loads user-uploaded and hub-hosted Keras models for the scoring service."""
import keras
import tensorflow as tf
from huggingface_hub import from_pretrained_keras
from keras.models import load_model
from keras.saving import load_model as load_saved
from tensorflow import keras as tfk

MODEL_DIR = "/srv/models"


def load_uploaded(path: str):
    # ruleid: keras-unsafe-mode
    return keras.models.load_model(path, safe_mode=True)


def load_legacy(path: str):
    model = tf.keras.models.load_model(
        path,
        compile=False,
        # ruleid: keras-unsafe-mode
        safe_mode=True,
    )
    return model


# ruleid: keras-unsafe-mode
scorer = load_model(f"{MODEL_DIR}/scorer.keras", safe_mode=True)
# ruleid: keras-unsafe-mode
ranker = load_saved(f"{MODEL_DIR}/ranker.keras", custom_objects={}, safe_mode=True)
# ruleid: keras-unsafe-mode
summariser = tfk.models.load_model("summariser.keras", safe_mode=True)
# ruleid: keras-unsafe-mode
hub_model = from_pretrained_keras("acme-labs/toxicity-keras", safe_mode=True)

with open(f"{MODEL_DIR}/arch.json") as fh:
    # ruleid: keras-unsafe-mode
    arch = keras.models.model_from_json(fh.read(), safe_mode=True)

# ok: keras-unsafe-mode
trusted = keras.models.load_model(f"{MODEL_DIR}/trusted.keras")
# ok: keras-unsafe-mode
explicit = keras.saving.load_model(f"{MODEL_DIR}/trusted.keras", safe_mode=True)
# ok: keras-unsafe-mode
weights_only = keras.models.load_model(f"{MODEL_DIR}/trusted.keras", compile=False)
