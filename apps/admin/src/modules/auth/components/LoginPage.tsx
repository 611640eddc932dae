import { useState, type FormEvent } from "react";
import { hrefFor } from "../../../app/router";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { useAuthActions } from "../hooks/use-auth-actions";
import { AuthLayout } from "./AuthLayout";

/** `email`: prefilled (the invitation page's sign-in); `embedded`: the form alone, inside another page. */
export function LoginPage({ email: initialEmail = "", embedded = false }: { email?: string; embedded?: boolean } = {}) {
  const { login, loggingIn } = useAuthActions();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(await login(email, password));
  };

  const form = (
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
        <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={problem?.fields.email} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={problem?.fields.password}
        />
        <Button type="submit" variant="primary" size="lg" busy={loggingIn}>
          Sign in
        </Button>
        <a href={hrefFor({ name: "forgot-password" })}>Forgot your password?</a>
      </form>
  );
  if (embedded) return form;
  return (
    <AuthLayout title="Sign in" footer={<>New to qline? <a href={hrefFor({ name: "signup" })}>Create an account</a></>}>
      {form}
    </AuthLayout>
  );
}
