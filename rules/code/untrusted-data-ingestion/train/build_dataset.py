"""Nightly job: turn support feedback into a fine-tuning set."""
import json

from openai import OpenAI

client = OpenAI()


def raw_feedback(db) -> list[dict]:
    # ruleid: untrusted-data-ingestion
    rows = db.execute("SELECT prompt, corrected_answer FROM answer_feedback").fetchall()
    return [{"messages": [{"role": "user", "content": p}, {"role": "assistant", "content": a}]} for p, a in rows]


def reviewed_feedback(db) -> list[dict]:
    # ok: untrusted-data-ingestion
    rows = db.execute("SELECT prompt, corrected_answer FROM answer_feedback WHERE reviewed_by IS NOT NULL AND flagged = 0").fetchall()
    return [{"messages": [{"role": "user", "content": p}, {"role": "assistant", "content": a}]} for p, a in rows]


def curated_examples(db) -> list[dict]:
    # ok: untrusted-data-ingestion
    rows = db.execute("SELECT prompt, answer FROM golden_examples").fetchall()
    return [{"messages": [{"role": "user", "content": p}, {"role": "assistant", "content": a}]} for p, a in rows]


def launch(db) -> str:
    with open("train.jsonl", "w") as fh:
        for ex in raw_feedback(db) + reviewed_feedback(db) + curated_examples(db):
            fh.write(json.dumps(ex) + "\n")
    f = client.files.create(file=open("train.jsonl", "rb"), purpose="fine-tune")
    return client.fine_tuning.jobs.create(training_file=f.id, model="gpt-4o-mini-2024-07-18").id
