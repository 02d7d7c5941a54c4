export const regularPrompt =
  'You are a friendly assistant! Keep your responses concise and helpful.';

export interface RequestHints {
  latitude?: string;
  longitude?: string;
  city?: string;
  country?: string;
}

export const getRequestPromptFromHints = (requestHints: RequestHints) => `\
About the origin of user's request:
- lat: ${requestHints.latitude}
- lon: ${requestHints.longitude}
- city: ${requestHints.city}
- country: ${requestHints.country}
`;

export const systemPrompt = ({ requestHints }: { requestHints: RequestHints }) =>
  `${regularPrompt}\n\n${getRequestPromptFromHints(requestHints)}`;

export const titlePrompt = `
- you will generate a short title based on the first message a user begins a conversation with
- ensure it is not more than 80 characters long
- do not use quotes or colons`;
