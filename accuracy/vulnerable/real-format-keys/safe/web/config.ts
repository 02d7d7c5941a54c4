export const config = {
  openaiKey: process.env.OPENAI_API_KEY ?? "",
  model: "gpt-4o-mini",
};
