import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { hrefFor, navigate } from "../../../app/router";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import { Alert, Loading } from "../../../ui/states";
import { ConfirmSignUpMutation } from "../graphql/sign-up.mutation";
import { AuthLayout } from "./AuthLayout";

/** The sign-up confirmation link: creates the account once, then the console opens signed in at the new location. */
export function ConfirmSignUpPage({ token }: { token: string }) {
  const [confirm] = useMutation(ConfirmSignUpMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; the link works once
    started.current = true;
    void attempt(() => confirm({ variables: { token } })).then((result) => {
      if (!result.ok) return setProblem(result.problem);
      const session = result.value.data?.confirmSignUp.token;
      if (!session) return;
      navigate({ name: "home" }, { replace: true });
      authToken.set(session);
    });
  }, [confirm, token]);

  if (!problem) return <Loading label="Creating your account…" />;
  return (
    <AuthLayout title="Confirm your sign-up" footer={<a href={hrefFor({ name: "login" })}>Sign in</a>}>
      <Alert>
        {problem.fields.token ? "This link is not valid, was used already or has expired." : problem.message} <a href={hrefFor({ name: "signup" })}>Sign up again</a>
      </Alert>
    </AuthLayout>
  );
}
