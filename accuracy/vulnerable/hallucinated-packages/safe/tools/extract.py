import langchain
import pdfplumber
from openai import OpenAI

client = OpenAI()


def tables(path: str):
    with pdfplumber.open(path) as pdf:
        return [t for page in pdf.pages for t in page.extract_tables()]
