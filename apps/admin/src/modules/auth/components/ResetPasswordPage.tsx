import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { hrefFor } from "../../../app/router";
import { attempt, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { ResetPasswordMutation } from "../graphql/reset-password.mutation";
import { AuthLayout } from "./AuthLayout";

/** The reset link's page: a new password, checked by the API like any other; then sign in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
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
    <AuthLayout title={t("auth.reset.title")} footer={<a href={hrefFor({ name: "login" })}>{t("auth.backToSignIn")}</a>}>
      {done ? (
        <Alert tone="success">
          <Trans i18nKey="auth.reset.done" components={{ signIn: <a href={hrefFor({ name: "login" })} /> }} />
        </Alert>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && (problem.fields.token || !problem.fields.newPassword) && (
            <Alert>
              {problem.fields.token ? t("auth.reset.invalidLink") : problem.message} <a href={hrefFor({ name: "forgot-password" })}>{t("auth.reset.askAgain")}</a>
            </Alert>
          )}
          <TextField
            label={t("auth.newPassword")}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={problem?.fields.newPassword}
            hint={t("auth.reset.hint")}
          />
          <Button type="submit" variant="primary" size="lg" busy={state.loading}>
            {t("auth.reset.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
