/** `hazmat.<context>`: every event's source names the context that owns the change. Free of zod, so the relay's bundle stays small. */
export const eventSourceOf = (context: string): string => `hazmat.${context}`;
