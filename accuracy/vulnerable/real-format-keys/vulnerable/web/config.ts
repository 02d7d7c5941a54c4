export const config = {
  openaiKey: "sk-proj-XgYhyfPkXKB6cY6ibNmRqfgDD3Q5s7KfiMw3PeuYT3BlbkFJc16f2iPZx1e0oUcMYuosVw9ueH5h6UNwBkkq5yjB",
  model: "gpt-4o-mini",
};
