import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { hrefFor } from "../../../app/router";
import { attempt, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { ResetPasswordMutation } from "../graphql/reset-password.mutation";
import { AuthLayout } from "./AuthLayout";

/** The reset link's page: a new password, checked by the API like any other; then sign in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  const [reset, state] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await attempt(() => reset({ variables: { token, newPassword: password } }));
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setDone(true);
  };

  return (
    <AuthLayout title="Choose a new password" footer={<a href={hrefFor({ name: "login" })}>Back to sign in</a>}>
      {done ? (
        <Alert tone="success">
          Your password is changed and every session of yours has ended. <a href={hrefFor({ name: "login" })}>Sign in</a> with the new one.
        </Alert>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && (problem.fields.token || !problem.fields.newPassword) && (
            <Alert>
              {problem.fields.token ? "This link is not valid or has expired." : problem.message} <a href={hrefFor({ name: "forgot-password" })}>Ask for a new link</a>
            </Alert>
          )}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={problem?.fields.newPassword}
            hint="At least 10 characters and hard to guess."
          />
          <Button type="submit" variant="primary" size="lg" busy={state.loading}>
            Set new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
