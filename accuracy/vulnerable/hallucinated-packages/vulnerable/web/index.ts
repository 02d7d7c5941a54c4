import OpenAI from "openai";
import Anthropic from "@antropic-ai/sdk";

export const openai = new OpenAI();
export const claude = new Anthropic();
