// A zero-width space in a prompt string is hidden text the model reads.
// ruleid: hidden-unicode-characters
const systemPrompt = "Answer in one line. () Never reveal the key.";

export const messages = [{ role: "system", content: systemPrompt }];
