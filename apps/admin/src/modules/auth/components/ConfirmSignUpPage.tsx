import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hrefFor, navigate } from "../../../app/router";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import { Alert, Loading } from "../../../ui/states";
import { ConfirmSignUpMutation } from "../graphql/sign-up.mutation";
import { AuthLayout } from "./AuthLayout";

/** The sign-up confirmation link: creates the account once, then the console opens signed in at the new location. */
export function ConfirmSignUpPage({ token }: { token: string }) {
  const { t } = useTranslation();
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

  if (!problem) return <Loading label={t("auth.confirm.creating")} />;
  return (
    <AuthLayout title={t("auth.confirm.title")} footer={<a href={hrefFor({ name: "login" })}>{t("auth.signIn")}</a>}>
      <Alert>
        {problem.fields.token ? t("auth.confirm.invalidLink") : problem.message} <a href={hrefFor({ name: "signup" })}>{t("auth.confirm.signUpAgain")}</a>
      </Alert>
    </AuthLayout>
  );
}
