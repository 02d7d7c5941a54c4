"""Modules of the framework itself: its own pickling protocol and data decoders, for bytes the caller chose."""
import io

import torch


def _restore_storage(raw):
    # Storage.__reduce__ hands its own serialized bytes back here
    # ok: torch-load-unsafe
    return torch.load(io.BytesIO(raw))


def decode_sample(extension, data):
    if extension == "pt":
        # ok: torch-load-unsafe
        return torch.load(io.BytesIO(data))
    return data
