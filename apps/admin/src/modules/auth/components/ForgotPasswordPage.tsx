import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { hrefFor } from "../../../app/router";
import { attempt, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { RequestPasswordResetMutation } from "../graphql/request-password-reset.mutation";
import { AuthLayout } from "./AuthLayout";

/** Asks for a reset link. The answer is the same for every address: the page never says whether it has a login. */
export function ForgotPasswordPage() {
  const [request, state] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setProblem({ message: "Enter an email address", code: null, fields: { email: "Enter an email address" } });
      return;
    }
    const result = await attempt(() => request({ variables: { email: email.trim() } }));
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setSentTo(email.trim());
  };

  return (
    <AuthLayout title="Reset your password" footer={<a href={hrefFor({ name: "login" })}>Back to sign in</a>}>
      {sentTo ? (
        <Alert tone="success">
          Check your email. If {sentTo} has a qline login, we sent it a link to choose a new password; it works for 30 minutes.
        </Alert>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && !problem.fields.email && <Alert>{problem.message}</Alert>}
          <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={problem?.fields.email} />
          <Button type="submit" variant="primary" size="lg" busy={state.loading}>
            Email me a link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
