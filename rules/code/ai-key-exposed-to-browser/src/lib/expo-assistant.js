// React Native (Expo) and Create React App clients
import OpenAI from 'openai';
import { CohereClient } from 'cohere-ai';

export const client = new OpenAI({
  // ruleid: ai-key-exposed-to-browser
  apiKey: process.env.EXPO_PUBLIC_OPENAI_API_KEY,
  // ruleid: ai-key-exposed-to-browser
  dangerouslyAllowBrowser: true,
});

// ruleid: ai-key-exposed-to-browser
export const cohere = new CohereClient({ token: process.env.REACT_APP_COHERE_API_KEY });

// ok: ai-key-exposed-to-browser
export const analyticsId = process.env.REACT_APP_GA_TRACKING_ID;
