import os
import json
from __future__ import annotations
# ruleid: unknown-package-import
import reqeusts
# ruleid: unknown-package-import
from langchian.chat_models import ChatOpenAI
# ruleid: unknown-package-import
import anthropc as claude
# ruleid: unknown-package-import
from opena1 import OpenAI, AsyncOpenAI
# ok: unknown-package-import
import requests
# ok: unknown-package-import
from langchain_openai import ChatOpenAI as LcChat
# ok: unknown-package-import
import anthropic
# ok: unknown-package-import
from openai import AsyncOpenAI as Async
# ok: unknown-package-import
import cv2, yaml
# ok: unknown-package-import
from sklearn.linear_model import LogisticRegression
# ok: unknown-package-import
import google.generativeai as genai
# ok: unknown-package-import
from google import genai as gg
# ok: unknown-package-import
from . import tools
# ok: unknown-package-import
from .helpers import format_prompt
# ok: unknown-package-import
import utils
# ok: unknown-package-import
import my_internal_sdk


async def main() -> None:
    # ruleid: unknown-package-import
    import transfomers
    # ok: unknown-package-import
    import transformers
    try:
        # ruleid: unknown-package-import
        import numpyy as np
    except ImportError:
        np = None
    print(os.getcwd(), json.dumps({}), reqeusts, claude, transfomers, transformers, np)


def legacy_support():
    try:
        # ok: unknown-package-import
        import cPickle as pickle_impl
    except ImportError:
        import pickle as pickle_impl
    # ok: unknown-package-import
    import _sentencepiece
    return pickle_impl, _sentencepiece
