"""Clients of the research assistant: one per provider, the way tutorials write them."""
import os

import anthropic
import cohere
import replicate
import wandb
from groq import Groq
from huggingface_hub import InferenceClient, login
from langchain_openai import ChatOpenAI
from mistralai import Mistral
from openai import AzureOpenAI, OpenAI
from pinecone import Pinecone

# ruleid: hardcoded-ai-provider-key
openai_client = OpenAI(api_key="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")
# ruleid: hardcoded-ai-provider-key
batch_client = OpenAI(api_key="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", organization="org-research")
# ruleid: hardcoded-ai-provider-key
ADMIN_KEY = "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"
# ruleid: hardcoded-ai-provider-key
claude = anthropic.Anthropic(api_key="sk-ant-api03-b5xiIPmI0GoDXj9PWbqZ6Nv5ZyEoH1z4DzoJ-iBBEseIq2z3Xe1PBExLtSttOtgscti9ACgv4l0I-NIRH7E8vWFqPNYYIAA")
# ruleid: hardcoded-ai-provider-key
claude_admin = anthropic.Anthropic(api_key="sk-ant-admin01-ghXgzMBXfilTsD9qapwEwuFx_K0yhML-8weDurZbdeEyMKmuAy9eoMamf9Eu3S6AKxQ2J3guC4Nr2_gi5K0Bk5SwaKMO_AA")

# Hugging Face user tokens are `hf_` and 34 letters, organisation tokens `api_org_` and 34 letters
# ruleid: hardcoded-ai-provider-key
hf = InferenceClient(token="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")
# ruleid: hardcoded-ai-provider-key
login(token="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")

# ruleid: hardcoded-ai-provider-key
groq = Groq(api_key="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")
# ruleid: hardcoded-ai-provider-key
rep = replicate.Client(api_token="r8_dm1IhRDtJSyjVGlW2i3vLYDqjP4rlGctlzmQ4")
# ruleid: hardcoded-ai-provider-key
router = ChatOpenAI(base_url="https://openrouter.ai/api/v1", api_key="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")
# ruleid: hardcoded-ai-provider-key
deepseek = OpenAI(base_url="https://api.deepseek.com", api_key="sk-08b759d9699f2d0f36f9579d82c1894f")
# ruleid: hardcoded-ai-provider-key
grok = OpenAI(base_url="https://api.x.ai/v1", api_key="xai-Ein05bdOD2kTCrLYRZJCsYP0mpLzXzbiV4E6GXI4IGctCDnDpGSagg6PwWA3Cul4NfMkZGDjve8ZXlHe")
# ruleid: hardcoded-ai-provider-key
sonar = OpenAI(base_url="https://api.perplexity.ai", api_key="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")
# ruleid: hardcoded-ai-provider-key
together = OpenAI(base_url="https://api.together.xyz/v1", api_key="tgp_v1_BjbMITo7h9KgUc9MpP7A590sSNcvm0HX6ZpHl27YRrc")
# ruleid: hardcoded-ai-provider-key
fireworks = OpenAI(base_url="https://api.fireworks.ai/inference/v1", api_key="fw_7VVlP9eKXqilaDXvqLknnNvw")
# ruleid: hardcoded-ai-provider-key
nim = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="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")

# providers without a key prefix: the client names the provider
# ruleid: hardcoded-ai-provider-key
mistral = Mistral(api_key="qGSGi66OUt65Rb9OLjU7HmaO6eKl9c67")
# ruleid: hardcoded-ai-provider-key
co = cohere.ClientV2(api_key="MhckOEaK1SbwjXjwJlKNMEAEhfTf2p5S6VsMSYQo")
# ruleid: hardcoded-ai-provider-key
co_legacy = cohere.Client("MhckOEaK1SbwjXjwJlKNMEAEhfTf2p5S6VsMSYQo")
# ruleid: hardcoded-ai-provider-key
azure = AzureOpenAI(api_key="5894e7bc5ead9b16fc91f59e082a8e29", api_version="2024-10-21", azure_endpoint="https://research.openai.azure.com")
# ruleid: hardcoded-ai-provider-key
pc = Pinecone(api_key="pcsk_BGH4C5_EisV7q4FBXjMtTSGP2owUMUzGT3AH04UwoIN9UFtDTeLhoGv6BEQIBKuTh406Re")
# ruleid: hardcoded-ai-provider-key
wandb.login(key="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")

# environment reads with a literal fallback still ship the key
# ruleid: hardcoded-ai-provider-key
gemini_key = os.environ.get("GOOGLE_API_KEY", "AIza8EVKaQcVe-xo_uQ1sy9oMNtFCyqrUo6YZzs")
# ruleid: hardcoded-ai-provider-key
os.environ.setdefault("LANGSMITH_API_KEY", "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")
# ruleid: hardcoded-ai-provider-key
os.environ["AWS_BEARER_TOKEN_BEDROCK"] = "ABSKQmVkcm9ja0FQSUtleSY3m2AYYKf8TRq93JXSj+I3JOH38gsG1Dxt7ZQFUqCoEGE13C2/37J+uqCMi/cpaAilgm1X+NaDTZj4aaADihubaSyGKRlB2EMmU033ZjFPC70z="
# ruleid: hardcoded-ai-provider-key
hf_token = os.getenv("HF_TOKEN") or "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"

# ok: hardcoded-ai-provider-key
safe = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# ok: hardcoded-ai-provider-key
implicit = OpenAI()
# ok: hardcoded-ai-provider-key
placeholder = OpenAI(api_key="sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
# ok: hardcoded-ai-provider-key
hint = OpenAI(api_key="sk-proj-your-api-key-goes-here-0000")
# ok: hardcoded-ai-provider-key
anthropic_hint = anthropic.Anthropic(api_key="sk-ant-api03-REPLACE_ME_WITH_YOUR_OWN_ANTHROPIC_KEY")
# ok: hardcoded-ai-provider-key
hf_hint = InferenceClient(token="hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
# ok: hardcoded-ai-provider-key
org_hint = "api_org_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
# ok: hardcoded-ai-provider-key
groq_hint = Groq(api_key=os.getenv("GROQ_API_KEY", "gsk_your_groq_key_here"))
# ok: hardcoded-ai-provider-key
counting = OpenAI(api_key="sk-1234567890abcdef1234567890abcdef")
# ok: hardcoded-ai-provider-key
mistral_hint = Mistral(api_key="your_mistral_api_key_here_please")
# ok: hardcoded-ai-provider-key
mistral_env = Mistral(api_key=os.environ.get("MISTRAL_API_KEY", "MistralApiKeyGoesInTheEnvironment"))
# ok: hardcoded-ai-provider-key
gemini_dummy = os.environ.get("GOOGLE_API_KEY", "AIzaSyDUMMY_KEY_FOR_LOCAL_DEVELOPMENT_")
# ok: hardcoded-ai-provider-key
azure_deployment = AzureOpenAI(api_version="2024-10-21", azure_deployment="gpt-4o-mini-deployment-prod", azure_endpoint="https://research.openai.azure.com")
# ok: hardcoded-ai-provider-key
pinecone_env = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
# ok: hardcoded-ai-provider-key
template = OpenAI(api_key="${OPENAI_API_KEY}")

# Product code is not believed on its word: a "sandbox only" note does not make a live-format key safe to ship.
# Not critical, only usable on the sandboxed CI instance.
# ruleid: hardcoded-ai-provider-key
HUB_STAGING_TOKEN = "hf_Wc8mPqTzRvLxKsNdJbYhGfAeUoRiTnBmQa"
