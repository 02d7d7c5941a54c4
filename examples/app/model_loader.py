"""Loads the classifier and the chat model. Deliberately vulnerable demo for AISec."""
import joblib
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "acme-labs/support-7b"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, trust_remote_code=True)
adapter = torch.load("adapters/support.pt", map_location="cpu")
router = joblib.load("models/intent_router.joblib")
