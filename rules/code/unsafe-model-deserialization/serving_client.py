"""Client of a model-serving endpoint whose saved config can carry pickled transform functions."""
from typing import Any, Callable, Optional

import cloudpickle
import requests
from langchain_core.language_models.llms import LLM


def _unpickle_transform(data: str, allow_dangerous_deserialization: Optional[bool]) -> Callable:
    if not allow_dangerous_deserialization:
        raise ValueError("transform functions are pickled: pass allow_dangerous_deserialization=True to load them")
    # ok: unsafe-model-deserialization
    return cloudpickle.loads(bytes.fromhex(data))


def _unpickle_transform_unchecked(data: str, allow_dangerous_deserialization: Optional[bool]) -> Callable:
    if not allow_dangerous_deserialization:
        print("warning: loading a pickled transform")
    # ruleid: unsafe-model-deserialization
    return cloudpickle.loads(bytes.fromhex(data))


def fetch_transform(endpoint: str) -> Callable:
    payload = requests.get(f"{endpoint}/transform", timeout=10).json()
    # ruleid: unsafe-model-deserialization
    return cloudpickle.loads(bytes.fromhex(payload["fn"]))


def from_config(config: dict) -> Any:
    return _unpickle_transform(config["transform"], allow_dangerous_deserialization=config.get("allow_dangerous_deserialization"))
