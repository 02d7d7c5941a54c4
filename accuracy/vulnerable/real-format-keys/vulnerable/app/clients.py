from anthropic import Anthropic
from huggingface_hub import InferenceClient
from openai import OpenAI

openai_client = OpenAI(api_key="sk-proj-ox9yimTcfipZGnzPbDFDyFKm51zfFoWbSrHAE56yT3BlbkFJUhQqg0eyN1ygQdvpSfF5PH5nLZjMeI8cFSmj83LD")
hub = InferenceClient(model="meta-llama/Meta-Llama-3-8B-Instruct", token="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")
ORG_TOKEN = "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"
claude = Anthropic(api_key="sk-ant-api03-R34pkzC_8tWpn5q4l8YU6Cgzg5onBacU3lzDPXzaLLkPZCLk1VPMTLnz-VWNALYXTU2z-kIui_I1oJLJIJ0FUFF6FDzV_AA")
