/**
 * The one logger of the API process (pino, JSON lines on stdout). Its level comes from LOG_LEVEL (env.ts) and is
 * applied by `startServer`; the test harness sets "silent" unless LOG_LEVEL is given. Tests that read log lines
 * pass their own logger (`createLogger(level, stream)`) to `startServer`.
 *
 * Secrets never reach a log line: requests are logged field by field (never headers or variables), and the
 * `redact` paths below catch the usual names should an object carrying them be logged by mistake.
 */
import { randomUUID } from "node:crypto";
import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";

export type { Logger };

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

const redactPaths = ["password", "token", "secret", "authorization", "apiKey", "*.password", "*.token", "*.secret", "*.authorization", "*.apiKey"];

/** A failed query's message ends with its parameters (drizzle: "Failed query: …\nparams: …"); those stay out of logs. */
const withoutParams = (message: string) => message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error);
  const cause = error.cause instanceof Error ? { type: error.cause.name, message: withoutParams(error.cause.message), code: (error.cause as { code?: unknown }).code } : undefined;
  return { type: serialized.type, message: withoutParams(serialized.message), stack: withoutParams(serialized.stack), code: (error as { code?: unknown }).code, ...(cause ? { cause } : {}) };
}

export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  const options = { level, base: { service: "qline-api" }, redact: { paths: redactPaths, censor: "[redacted]" }, serializers: { err: serializeError } };
  return destination ? pino(options, destination) : pino(options);
}

/** The process logger: jobs and services log through it; `startServer` sets its level from the config. */
export const logger: Logger = createLogger();

/** A client's `x-request-id` when it is a sane token (no control characters, short), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}
