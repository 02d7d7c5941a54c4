from datasets import load_dataset
from sentence_transformers import SentenceTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

MODEL_ID = "acme-labs/chat-7b"
REVISION = "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6"
BRANCH = "main"

# ruleid: trust-remote-code-enabled
tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, trust_remote_code=True)
model = AutoModelForCausalLM.from_pretrained(
    MODEL_ID,
    revision=BRANCH,
    # ruleid: trust-remote-code-enabled
    trust_remote_code=True,
    device_map="auto",
)
# ruleid: trust-remote-code-enabled
generator = pipeline("text-generation", model=MODEL_ID, revision="v1.0", trust_remote_code=True)
# ruleid: trust-remote-code-enabled
corpus = load_dataset("acme-labs/support-tickets", trust_remote_code=True)
# ruleid: trust-remote-code-enabled
embedder = SentenceTransformer("acme-labs/embed-v2", trust_remote_code=True)

# the remote code is pinned to a reviewed commit: a later push cannot change what runs
# ok: trust-remote-code-enabled
pinned_model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=True)
# ok: trust-remote-code-enabled
pinned_embedder = SentenceTransformer("acme-labs/embed-v2", revision="9bcafd5b29a6c81645ae299d5364f5b9e503aca8", trust_remote_code=True)

# ok: trust-remote-code-enabled
safe_model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=False)
# ok: trust-remote-code-enabled
default_model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=REVISION)


def configurable(flag: bool):
    # ok: trust-remote-code-enabled
    return AutoTokenizer.from_pretrained(MODEL_ID, revision=REVISION, trust_remote_code=flag)
