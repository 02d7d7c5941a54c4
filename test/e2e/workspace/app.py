"""Support-bot worker: turns a customer request into an action with an LLM."""
import subprocess

import torch
from openai import OpenAI

client = OpenAI()


def ask(prompt: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[{"role": "user", "content": prompt}],
    )
    return completion.choices[0].message.content or ""


def compute(expression_request: str):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[{"role": "user", "content": f"Write a Python expression for: {expression_request}"}],
    )
    expression = completion.choices[0].message.content
    return eval(expression)


def run_maintenance(task: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[{"role": "user", "content": f"Give one shell command that does: {task}"}],
    )
    command = response.choices[0].message.content
    result = subprocess.run(command, shell=True, capture_output=True, text=True)
    return result.stdout


def load_classifier(path: str):
    return torch.load(path)
