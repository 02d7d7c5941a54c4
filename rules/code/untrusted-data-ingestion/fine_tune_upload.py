"""Customers upload a JSONL of examples to fine-tune "their" assistant."""
from flask import Flask, request
from openai import AsyncOpenAI, OpenAI

app = Flask(__name__)
client = OpenAI()
aclient = AsyncOpenAI()


@app.post("/fine-tunes")
def start_fine_tune():
    upload = request.files["training_data"]
    # ruleid: untrusted-data-ingestion
    training = client.files.create(file=upload.stream.read(), purpose="fine-tune")
    job = client.fine_tuning.jobs.create(training_file=training.id, model="gpt-4o-mini-2024-07-18")
    return {"job": job.id}


@app.post("/fine-tunes/async")
async def start_fine_tune_async():
    data = request.files["training_data"].read()
    # ruleid: untrusted-data-ingestion
    f = await aclient.files.create(file=("train.jsonl", data), purpose="fine-tune")
    return {"file": f.id}


@app.post("/fine-tunes/reviewed")
def start_reviewed():
    data = request.files["training_data"].read()
    if not validate_training_file(data):
        return {"error": "invalid examples"}, 422
    # ok: untrusted-data-ingestion
    f = client.files.create(file=("train.jsonl", data), purpose="fine-tune")
    return {"file": f.id}


@app.post("/batch")
def batch_upload():
    data = request.files["requests"].read()
    # ok: untrusted-data-ingestion
    f = client.files.create(file=("batch.jsonl", data), purpose="batch")
    return {"file": f.id}


def validate_training_file(data: bytes) -> bool:
    return len(data) < 10_000_000
