import langchian
from openai import OpenAI
from pdf_table_extractor_ai import extract_tables

client = OpenAI()


def tables(path: str):
    return extract_tables(path)
