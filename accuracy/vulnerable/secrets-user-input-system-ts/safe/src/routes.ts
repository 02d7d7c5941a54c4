import express from "express";
import OpenAI from "openai";
import { buildSystem } from "./prompt";

const openai = new OpenAI();
export const router = express.Router();

router.post("/chat", async (req, res) => {
  const { persona, plan, message } = req.body;
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 600,
    messages: [
      { role: "system", content: buildSystem(persona, plan) },
      { role: "user", content: message },
    ],
  });
  res.json({ reply: completion.choices[0].message.content });
});
