/** Locally the *_ENDPOINT variables point a client at an emulator; on AWS they are unset. */
export const endpointFrom = (name: string): { endpoint?: string } =>
  process.env[name] ? { endpoint: process.env[name] as string } : {};
