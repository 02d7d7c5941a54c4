"""The framework's own downloader: the checkpoint comes from a URL."""
import os
from urllib.request import urlopen

import torch


def state_dict_from_url(url, model_dir, map_location=None):
    cached_file = os.path.join(model_dir, os.path.basename(url))
    if not os.path.exists(cached_file):
        with urlopen(url) as response, open(cached_file, "wb") as out:
            out.write(response.read())
    # ruleid: torch-load-unsafe
    return torch.load(cached_file, map_location=map_location)
