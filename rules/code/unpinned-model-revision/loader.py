import os

from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

MODEL_ID = "acme-labs/sentiment-base"
PINNED = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
LOCAL_DIR = "./models/sentiment"

# ruleid: unpinned-model-revision
tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
# ruleid: unpinned-model-revision
model = AutoModelForSequenceClassification.from_pretrained("acme-labs/sentiment-base", num_labels=3)
# ok: unpinned-model-revision
pinned_model = AutoModelForSequenceClassification.from_pretrained(MODEL_ID, revision=PINNED)
# ok: unpinned-model-revision
literal_pin = AutoTokenizer.from_pretrained(MODEL_ID, revision="4b825dc642cb6eb9a060e54bf8d69288fbee4904")
# ruleid: unpinned-model-revision
on_main = AutoTokenizer.from_pretrained(MODEL_ID, revision="main")
# ok: unpinned-model-revision
local = AutoModelForSequenceClassification.from_pretrained(LOCAL_DIR)
# ok: unpinned-model-revision
absolute = AutoTokenizer.from_pretrained("/opt/models/sentiment")
# ok: unpinned-model-revision
from_env = AutoTokenizer.from_pretrained(os.environ["MODEL_DIR"])

# ruleid: unpinned-model-revision
classifier = pipeline("sentiment-analysis", model="acme-labs/sentiment-base")
# ok: unpinned-model-revision
pinned_classifier = pipeline("sentiment-analysis", model=MODEL_ID, revision=PINNED)

# ruleid: unpinned-model-revision
weights = hf_hub_download(repo_id="acme-labs/sentiment-base", filename="model.safetensors")
# ruleid: unpinned-model-revision
snapshot = snapshot_download("acme-labs/sentiment-base", revision="v1.2")
# ok: unpinned-model-revision
pinned_snapshot = snapshot_download("acme-labs/sentiment-base", revision=PINNED)
# ruleid: unpinned-model-revision
reviews = load_dataset("acme-labs/reviews")
# ok: unpinned-model-revision
csv_data = load_dataset("csv", data_files="data/reviews.csv")
# ok: unpinned-model-revision
cached = AutoTokenizer.from_pretrained(MODEL_ID, local_files_only=True)
