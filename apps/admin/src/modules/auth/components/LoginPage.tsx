import { zodResolver } from "@hookform/resolvers/zod";
import { emailSchema, z } from "@qline/validation";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { hrefFor } from "../../../app/router";
import type { Problem } from "../../../lib/errors";
import { required } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { useAuthActions } from "../hooks/use-auth-actions";
import { AuthLayout } from "./AuthLayout";
import { FormTextField } from "../../../ui/FormTextField";

/** The shared email schema (@qline/validation), as the API checks it; the messages in the language of the moment. */
const loginSchema = (t: TFunction) =>
  z.object({ email: required(emailSchema, t("auth.enterEmail")), password: z.string().min(1, t("auth.login.enterPassword")) });
type LoginValues = z.input<ReturnType<typeof loginSchema>>;

/** `email`: prefilled (the invitation page's sign-in); `embedded`: the form alone, inside another page. */
export function LoginPage({ email: initialEmail = "", embedded = false }: { email?: string; embedded?: boolean } = {}) {
  const { t } = useTranslation();
  const { login, loggingIn } = useAuthActions();
  const schema = useMemo(() => loginSchema(t), [t]); // `t` changes with the language
  const { control, handleSubmit } = useForm<LoginValues, unknown, z.output<ReturnType<typeof loginSchema>>>({
    resolver: zodResolver(schema),
    defaultValues: { email: initialEmail, password: "" },
  });
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = handleSubmit(async ({ email, password }) => {
    setProblem(await login(email, password));
  });

  const form = (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
      <FormTextField
        control={control}
        name="email"
        label={t("auth.email")}
        type="email"
        autoComplete="email"
        required
        serverError={problem?.fields.email}
      />
      <FormTextField
        control={control}
        name="password"
        label={t("auth.password")}
        type="password"
        autoComplete="current-password"
        required
        serverError={problem?.fields.password}
      />
      <Button type="submit" variant="primary" size="lg" busy={loggingIn}>
        {t("auth.signIn")}
      </Button>
      <a href={hrefFor({ name: "forgot-password" })}>{t("auth.login.forgot")}</a>
    </form>
  );
  if (embedded) return form;
  return (
    <AuthLayout
      title={t("auth.signIn")}
      footer={
        <>
          {t("auth.login.newHere")} <a href={hrefFor({ name: "signup" })}>{t("auth.login.createAccount")}</a>
        </>
      }
    >
      {form}
    </AuthLayout>
  );
}
