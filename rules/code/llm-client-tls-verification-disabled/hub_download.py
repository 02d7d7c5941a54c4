"""Downloads models from the Hugging Face Hub on a network with TLS interception."""
import os
import ssl

from huggingface_hub import snapshot_download
from transformers import AutoModel

# ruleid: llm-client-tls-verification-disabled
os.environ["CURL_CA_BUNDLE"] = ""
# ruleid: llm-client-tls-verification-disabled
os.environ["PYTHONHTTPSVERIFY"] = "0"
# ruleid: llm-client-tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context

# ok: llm-client-tls-verification-disabled
os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/acme-root.pem"
# ok: llm-client-tls-verification-disabled
os.environ["HF_HUB_ENABLE_HF_TRANSFER"] = ""

path = snapshot_download("acme-labs/chat-7b", revision="0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6")
model = AutoModel.from_pretrained(path)
