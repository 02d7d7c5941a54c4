"""Startup self-check of the moderation config (runs in production, not a test): expected values are not settings."""
import google.generativeai as genai
from google.generativeai.types import HarmBlockThreshold, HarmCategory

from .config import build_safety_settings, load_profile

EXPECTED_RELAXED = {
    # ok: llm-safety-settings-disabled
    HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT: HarmBlockThreshold.BLOCK_NONE,
}


def check_profiles():
    # the relaxed profile exists for the red-team sandbox only; production must not use it
    # ok: llm-safety-settings-disabled
    assert load_profile("production") != {"HARM_CATEGORY_HARASSMENT": "BLOCK_NONE"}
    # ok: llm-safety-settings-disabled
    assert build_safety_settings("sandbox") == [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}]
    expected = [
        # ok: llm-safety-settings-disabled
        {"category": "HARM_CATEGORY_HATE_SPEECH", "threshold": "BLOCK_NONE"},
    ]
    return expected


def relaxed_model():
    return genai.GenerativeModel(
        "gemini-1.5-pro",
        # ruleid: llm-safety-settings-disabled
        safety_settings={HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT: HarmBlockThreshold.BLOCK_NONE},
    )
