import { Worker } from "node:worker_threads";

/** What the estimator thread is asked (see password-strength.worker.ts). */
export interface StrengthRequest {
  id: number;
  password: string;
  /** Words the person is known by (email, name): a password built from them is weaker. */
  userInputs: string[];
}

export type StrengthResponse =
  | { id: number; score: number; warning: string | null; suggestions: string[] }
  | { id: number; error: string };

export interface PasswordStrength {
  /** zxcvbn's 0–4: 3 means "safely unguessable: moderate protection from offline slow-hash attacks". */
  score: number;
  warning: string | null;
  suggestions: string[];
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (s: PasswordStrength) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const waiter of pending.values()) waiter.reject(error);
  pending.clear();
  worker = null; // the next check starts a fresh thread
}

function estimator(): Worker {
  if (worker) return worker;
  const thread = new Worker(new URL("./password-strength.worker.js", import.meta.url));
  thread.unref(); // never keeps the process alive (tests, shutdown)
  thread.on("message", (response: StrengthResponse) => {
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if ("error" in response) waiter.reject(new Error(`Password strength estimator failed: ${response.error}`));
    else waiter.resolve({ score: response.score, warning: response.warning, suggestions: response.suggestions });
  });
  thread.on("error", (error) => {
    if (worker === thread) failAll(error);
  });
  thread.on("exit", (code) => {
    if (worker === thread) failAll(new Error(`Password strength estimator exited with code ${code}`));
  });
  return (worker = thread);
}

/** Estimates how guessable `password` is, on the estimator thread (started on first use, then kept). */
export function passwordStrength(password: string, userInputs: string[] = []): Promise<PasswordStrength> {
  const thread = estimator();
  const id = nextId++;
  return new Promise<PasswordStrength>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref(); // keep the process alive while an answer is owed
    const request: StrengthRequest = { id, password, userInputs };
    thread.postMessage(request);
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  });
}

/** Stops the estimator thread (tests and shutdown; the next check starts it again). */
export async function stopPasswordStrength(): Promise<void> {
  const thread = worker;
  failAll(new Error("Password strength estimator stopped"));
  if (thread) await thread.terminate();
}
