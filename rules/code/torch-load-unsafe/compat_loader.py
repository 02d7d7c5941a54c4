"""Checkpoint loading that supports PyTorch releases from before the weights_only argument."""
import torch


def load_state(checkpoint_path: str, device: str = "cpu", weights_only: bool = True):
    try:
        # ok: torch-load-unsafe
        checkpoint = torch.load(checkpoint_path, map_location=device, weights_only=weights_only)
    except TypeError:
        # only reached on a torch too old to know weights_only
        # ok: torch-load-unsafe
        checkpoint = torch.load(checkpoint_path, map_location=device)
    return checkpoint


def load_any(checkpoint_path: str):
    try:
        # ruleid: torch-load-unsafe
        return torch.load(checkpoint_path, weights_only=False)
    except TypeError:
        # ruleid: torch-load-unsafe
        return torch.load(checkpoint_path)


def load_or_retry(checkpoint_path: str):
    try:
        # ok: torch-load-unsafe
        return torch.load(checkpoint_path, weights_only=True)
    except RuntimeError:
        # a different failure: the retry is a full unpickle on any torch
        # ruleid: torch-load-unsafe
        return torch.load(checkpoint_path, map_location="cpu")
