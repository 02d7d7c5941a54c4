import ast
import json
import os
import shlex
import subprocess
import subprocess as sp
from os import system

import anthropic
import litellm
from openai import AsyncOpenAI, OpenAI
from langchain_openai import ChatOpenAI
from transformers import pipeline

client = OpenAI()
aclient = AsyncOpenAI()
claude = anthropic.Anthropic()
llm = ChatOpenAI(model="gpt-4o-mini")


def run_generated_code(task: str) -> None:
    completion = client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": f"Write Python for: {task}"}],
    )
    reply = completion.choices[0].message
    code = reply.content
    print("running generated code")
    # ruleid: llm-output-code-execution
    exec(code)


def calculator(question: str) -> float:
    resp = client.responses.create(model="gpt-4.1", input=question)
    expression = resp.output_text.strip()
    # ruleid: llm-output-code-execution
    return eval(expression)


def safe_calculator(question: str):
    resp = client.responses.create(model="gpt-4.1", input=question)
    # ok: llm-output-code-execution
    return ast.literal_eval(resp.output_text)


def parse_plan(question: str):
    msg = claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
    plan = json.loads(msg.content[0].text)
    # ok: llm-output-code-execution
    return eval(repr(len(plan)))


def shell_agent(goal: str) -> str:
    answer = llm.invoke(f"Give one shell command to {goal}").content
    command = "set -e; " + answer
    # ruleid: llm-output-code-execution
    os.system(command)
    # ruleid: llm-output-code-execution
    out = subprocess.run(command, shell=True, capture_output=True)
    # ruleid: llm-output-code-execution
    system(answer)
    # ruleid: llm-output-code-execution
    sp.check_output(["bash", "-c", answer]) if False else sp.check_output([answer, "--help"])
    # ok: llm-output-code-execution
    subprocess.run(["ls", "-l", "/tmp"], check=True)
    # ok: llm-output-code-execution
    subprocess.run("ls -l " + shlex.quote(answer), shell=True)
    return out.stdout.decode()


def ask_model(prompt: str) -> str:
    """A same-file helper: its return value is model output."""
    response = litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return response["choices"][0]["message"]["content"]


def apply_fix(bug: str) -> None:
    patch = ask_model(f"Fix this bug: {bug}")
    snippet = "\n".join(["import math", patch])
    # ruleid: llm-output-code-execution
    exec(compile(snippet, "<llm>", "exec"))


def constant_code() -> None:
    source = "print('hello')"
    # ok: llm-output-code-execution
    exec(source)


async def async_runner(task: str) -> None:
    stream = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}], stream=True)
    script = ""
    async for chunk in stream:
        script += chunk.choices[0].delta.content or ""
    # ruleid: llm-output-code-execution
    os.popen(script)


def local_generator(prompt: str) -> None:
    generator = pipeline("text-generation", model="gpt2")
    text = generator(prompt)[0]["generated_text"]
    # ruleid: llm-output-code-execution
    eval(text)
    # ok: llm-output-code-execution
    eval(int(text))


class Assistant:
    def __init__(self) -> None:
        self.client = OpenAI()

    def _complete(self, prompt: str) -> str:
        r = self.client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
        return r.choices[0].message.content

    def run_tool(self, prompt: str) -> None:
        self.last = self._complete(prompt)
        # ruleid: llm-output-code-execution
        exec(self.last)

    def echo(self, user_text: str) -> None:
        # ok: llm-output-code-execution
        subprocess.run(["echo", user_text])
