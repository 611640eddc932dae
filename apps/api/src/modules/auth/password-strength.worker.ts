/**
 * The strength estimator's thread. zxcvbn-ts with the common-password and English dictionaries takes about
 * half a second and tens of megabytes to load, and one estimate takes 5–100 ms of CPU: both stay off the
 * request thread. Loaded once, when the first password is checked.
 */
import { parentPort } from "node:worker_threads";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import type { StrengthRequest, StrengthResponse } from "./password-strength.js";

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
  translations,
  // The estimate's cost grows with length (a 200-character one takes ~0.1 s); the first 100 characters decide,
  // and whatever follows them can only make a password stronger.
  maxLength: 100,
});

parentPort?.on("message", (request: StrengthRequest) => {
  let response: StrengthResponse;
  try {
    const result = zxcvbn.check(request.password, request.userInputs);
    response = { id: request.id, score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
