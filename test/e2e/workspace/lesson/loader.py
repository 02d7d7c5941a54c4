"""Loads a checkpoint (the lesson part of the e2e suite opens the lesson of this finding)."""
import torch


def load_checkpoint(path: str):
    return torch.load(path, map_location="cpu")
