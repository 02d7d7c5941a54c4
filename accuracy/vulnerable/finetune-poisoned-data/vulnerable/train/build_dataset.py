import json

from datasets import load_dataset
from openai import OpenAI

client = OpenAI()


def feedback_examples(db) -> list[dict]:
    rows = db.execute("SELECT prompt, corrected_answer FROM feedback").fetchall()
    return [{"messages": [{"role": "user", "content": p}, {"role": "assistant", "content": a}]} for p, a in rows]


def public_examples() -> list[dict]:
    ds = load_dataset("community-user/support-dialogues", split="train", trust_remote_code=True)
    return [{"messages": r["messages"]} for r in ds]


def launch(db) -> str:
    with open("train.jsonl", "w") as fh:
        for ex in feedback_examples(db) + public_examples():
            fh.write(json.dumps(ex) + "\n")
    f = client.files.create(file=open("train.jsonl", "rb"), purpose="fine-tune")
    return client.fine_tuning.jobs.create(training_file=f.id, model="gpt-4o-mini-2024-07-18").id
