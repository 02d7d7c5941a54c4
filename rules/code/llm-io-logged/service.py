"""Support chat service with verbose logging."""
import logging

import structlog
from loguru import logger as loguru_logger
from openai import OpenAI

logger = logging.getLogger(__name__)
slog = structlog.get_logger()
client = OpenAI()


def answer(user_id: str, question: str, history: list) -> str:
    messages = [{"role": "system", "content": "You are the Acme support assistant."}, *history, {"role": "user", "content": question}]
    # ruleid: llm-io-logged
    logger.debug("sending messages=%s", messages)
    # ok: llm-io-logged
    logger.info("chat request user=%s turns=%d", user_id, len(messages))
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=400)
    reply = completion.choices[0].message.content
    # ruleid: llm-io-logged
    logger.info(f"model replied: {reply}")
    # ruleid: llm-io-logged
    slog.info("llm.response", user=user_id, text=reply)
    # ok: llm-io-logged
    logger.info("chat done user=%s tokens=%d", user_id, completion.usage.total_tokens)
    return reply


def summarise(doc: str) -> str:
    prompt = f"Summarise for the customer:\n{doc}"
    # ruleid: llm-io-logged
    logging.info("prompt: %s", prompt)
    resp = client.responses.create(model="gpt-4o-mini", input=prompt, max_output_tokens=300)
    # ruleid: llm-io-logged
    loguru_logger.debug("raw response {}", resp)
    # ok: llm-io-logged
    logging.info("summary request id=%s", resp.id)
    return resp.output_text


def startup():
    # ok: llm-io-logged
    logger.info("service started")
