import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per context. The request's correlation id is appended per invocation by the route
 * wrapper; keys are reset between invocations so one caller's data never leaks into another's log lines.
 */
export function createLogger(context: string): Logger {
  return new Logger({ serviceName: `hazmat-${context}` });
}
