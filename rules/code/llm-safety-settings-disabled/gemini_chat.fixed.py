"""Story generator on Gemini (google-genai, google-generativeai, Vertex AI and LangChain)."""
import google.generativeai as genai
from google import genai as genai_client
from google.genai import types
from google.generativeai.types import HarmBlockThreshold, HarmCategory
from langchain_google_genai import ChatGoogleGenerativeAI
from vertexai.generative_models import GenerativeModel, SafetySetting
from vertexai.generative_models import HarmBlockThreshold as VHarmBlockThreshold
from vertexai.generative_models import HarmCategory as VHarmCategory

legacy = genai.GenerativeModel(
    "gemini-1.5-flash",
    safety_settings={
        # ruleid: llm-safety-settings-disabled
        HarmCategory.HARM_CATEGORY_HARASSMENT: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        # ok: llm-safety-settings-disabled (same map: reported once, at its first disabled entry)
        HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
        # ok: llm-safety-settings-disabled
        HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE,
    },
)

# ruleid: llm-safety-settings-disabled
shorthand = genai.GenerativeModel("gemini-1.5-flash", safety_settings={"HARASSMENT": "BLOCK_MEDIUM_AND_ABOVE", "HATE": "BLOCK_ONLY_HIGH"})

client = genai_client.Client()


def write_story(prompt: str) -> str:
    response = client.models.generate_content(
        model="gemini-2.0-flash",
        contents=prompt,
        config=types.GenerateContentConfig(
            max_output_tokens=1024,
            safety_settings=[
                # ruleid: llm-safety-settings-disabled
                types.SafetySetting(category=types.HarmCategory.HARM_CATEGORY_HATE_SPEECH, threshold=types.HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE),
                # ok: llm-safety-settings-disabled (same list as the entry above: one finding)
                types.SafetySetting(category="HARM_CATEGORY_DANGEROUS_CONTENT", threshold="BLOCK_MEDIUM_AND_ABOVE"),
                # ok: llm-safety-settings-disabled
                types.SafetySetting(category="HARM_CATEGORY_HARASSMENT", threshold="BLOCK_LOW_AND_ABOVE"),
            ],
        ),
    )
    return response.text


async def write_story_async(prompt: str) -> str:
    config = {
        "max_output_tokens": 1024,
        # ruleid: llm-safety-settings-disabled
        "safety_settings": [{"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT", "threshold": "BLOCK_MEDIUM_AND_ABOVE"}],
    }
    response = await client.aio.models.generate_content(model="gemini-2.0-flash", contents=prompt, config=config)
    return response.text


vertex = GenerativeModel(
    "gemini-1.5-pro",
    safety_settings=[
        # ruleid: llm-safety-settings-disabled
        SafetySetting(category=VHarmCategory.HARM_CATEGORY_HATE_SPEECH, threshold=VHarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE),
    ],
)

llm = ChatGoogleGenerativeAI(
    model="gemini-1.5-pro",
    max_output_tokens=512,
    # ruleid: llm-safety-settings-disabled
    safety_settings={HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT: HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE},
)

# ok: llm-safety-settings-disabled
logging_config = {"level": "OFF", "threshold": "WARNING"}
