import { useMutation } from "@apollo/client/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { emailSchema, z } from "@qline/validation";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { hrefFor } from "../../../app/router";
import { attempt, type Problem } from "../../../lib/errors";
import { required } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { RequestPasswordResetMutation } from "../graphql/request-password-reset.mutation";
import { AuthLayout } from "./AuthLayout";
import { FormTextField } from "../../../ui/FormTextField";

/** The shared email schema (@qline/validation), as the API checks it. */
const forgotSchema = (t: TFunction) => z.object({ email: required(emailSchema, t("auth.enterEmail")) });
type ForgotValues = z.input<ReturnType<typeof forgotSchema>>;

/** Asks for a reset link. The answer is the same for every address: the page never says whether it has a login. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [request, state] = useMutation(RequestPasswordResetMutation);
  const schema = useMemo(() => forgotSchema(t), [t]); // `t` changes with the language
  const { control, handleSubmit } = useForm<ForgotValues, unknown, z.output<ReturnType<typeof forgotSchema>>>({
    resolver: zodResolver(schema),
    defaultValues: { email: "" },
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = handleSubmit(async ({ email }) => {
    const result = await attempt(() => request({ variables: { email } }));
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setSentTo(email);
  });

  return (
    <AuthLayout title={t("auth.forgot.title")} footer={<a href={hrefFor({ name: "login" })}>{t("auth.backToSignIn")}</a>}>
      {sentTo ? (
        <Alert tone="success">{t("auth.forgot.sent", { email: sentTo })}</Alert>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && !problem.fields.email && <Alert>{problem.message}</Alert>}
          <FormTextField
            control={control}
            name="email"
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            serverError={problem?.fields.email}
          />
          <Button type="submit" variant="primary" size="lg" busy={state.loading}>
            {t("auth.forgot.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
