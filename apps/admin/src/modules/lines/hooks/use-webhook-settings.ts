import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { TestWebhookMutation as TestWebhookData } from "../../../gql/graphql";
import { attempt, type Problem } from "../../../lib/errors";
import { RotateWebhookSecretMutation } from "../graphql/rotate-webhook-secret.mutation";
import { TestWebhookMutation } from "../graphql/test-webhook.mutation";

export type WebhookTestResult = TestWebhookData["testEstimatorWebhook"];

/** The WEBHOOK estimator's secret (shown once, right after it is made) and its "Test" call, for one line. */
export function useWebhookSettings(lineId: string) {
  const [rotateM, rotateState] = useMutation(RotateWebhookSecretMutation);
  const [testM, testState] = useMutation(TestWebhookMutation);
  const [secret, setSecret] = useState<string | null>(null);
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  return {
    /** The new secret, only until the dialog closes: the API never shows it again. */
    secret,
    result,
    problem,
    rotating: rotateState.loading,
    testing: testState.loading,
    rotate: async () => {
      const outcome = await attempt(async () => (await rotateM({ variables: { lineId } })).data?.rotateEstimatorWebhookSecret.secret ?? null);
      setProblem(outcome.ok ? null : outcome.problem);
      if (outcome.ok) setSecret(outcome.value);
    },
    test: async (url: string, timeoutMs: number) => {
      setResult(null);
      const outcome = await attempt(async () => (await testM({ variables: { lineId, url, timeoutMs } })).data?.testEstimatorWebhook ?? null);
      setProblem(outcome.ok ? null : outcome.problem);
      if (outcome.ok) setResult(outcome.value);
    },
  };
}
