"""Weekly dashboard of feedback (no training here)."""


def weekly(db) -> int:
    # ok: untrusted-data-ingestion (reads feedback, no fine-tuning in this file)
    return len(db.execute("SELECT prompt, corrected_answer FROM answer_feedback").fetchall())
