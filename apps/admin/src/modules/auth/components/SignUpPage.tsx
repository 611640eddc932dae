import { zodResolver } from "@hookform/resolvers/zod";
import { emailSchema, slugSchema, z } from "@qline/validation";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { hrefFor } from "../../../app/router";
import { placeConflict, type Problem } from "../../../lib/errors";
import { required } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { useAuthActions } from "../hooks/use-auth-actions";
import { slugHint, useSlugCheck } from "../hooks/use-slug-check";
import { AuthLayout } from "./AuthLayout";

const filled = (message: string) => z.string().refine((v) => v.trim() !== "", message);

/**
 * Client checks mirror the API's (the shared email and slug schemas of @qline/validation), so most mistakes are
 * caught before a round trip; the API's verdict still wins. Password: length only; how guessable it is, the API
 * decides (a common-password list and a strength estimate).
 */
export const signUpSchema = (t: TFunction) =>
  z.object({
    name: filled(t("auth.signUp.enterName")),
    email: required(emailSchema, t("auth.enterEmail")),
    password: z.string().min(10, t("auth.atLeast10")),
    accountName: filled(t("auth.signUp.enterOrganisation")),
    tenantName: filled(t("auth.signUp.enterFirstLocation")),
    tenantSlug: slugSchema,
  });
type SignUpValues = z.input<ReturnType<typeof signUpSchema>>;
type SignUpInput = z.output<ReturnType<typeof signUpSchema>>;

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function SignUpPage() {
  const { t } = useTranslation();
  const { signUp, signingUp } = useAuthActions();
  const schema = useMemo(() => signUpSchema(t), [t]); // `t` changes with the language
  const { control, handleSubmit, setValue, watch } = useForm<SignUpValues, unknown, SignUpInput>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", email: "", password: "", accountName: "", tenantName: "", tenantSlug: "" },
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const slugCheck = useSlugCheck(watch("tenantSlug"));
  const [sent, setSent] = useState<SignUpInput | null>(null);

  const submit = handleSubmit(async (input) => {
    const result = placeConflict(await signUp(input), { email: /email/i, tenantSlug: /slug/i });
    setProblem(result);
    if (!result) setSent(input);
  });

  if (sent) {
    return (
      <AuthLayout
        title={t("auth.signUp.checkEmail")}
        footer={
          <>
            {t("auth.signUp.alreadyConfirmed")} <a href={hrefFor({ name: "login" })}>{t("auth.signIn")}</a>
          </>
        }
      >
        <p>
          <Trans
            i18nKey="auth.signUp.sent"
            values={{ email: sent.email, account: sent.accountName.trim(), location: sent.tenantName.trim() }}
            components={{ strong: <strong /> }}
          />
        </p>
        <p className="muted">{t("auth.signUp.noEmail")}</p>
      </AuthLayout>
    );
  }

  const field = (name: Exclude<keyof SignUpValues, "tenantSlug">, label: string, extra: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field: f, fieldState }) => (
        <TextField
          label={label}
          {...extra}
          value={f.value}
          onChange={(v) => {
            f.onChange(v);
            if (name === "tenantName" && !slugTouched) setValue("tenantSlug", slugify(v));
          }}
          onBlur={f.onBlur}
          error={fieldState.error?.message ?? problem?.fields[name]}
        />
      )}
    />
  );

  return (
    <AuthLayout
      title={t("auth.signUp.title")}
      footer={
        <>
          {t("auth.signUp.haveAccount")} <a href={hrefFor({ name: "login" })}>{t("auth.signIn")}</a>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
        <fieldset className="fieldset">
          <legend>{t("auth.signUp.you")}</legend>
          {field("name", t("auth.signUp.yourName"), { autoComplete: "name" })}
          {field("email", t("auth.email"), { type: "email", autoComplete: "email" })}
          {field("password", t("auth.password"), { type: "password", autoComplete: "new-password", hint: t("auth.passwordHint") })}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("auth.signUp.organisation")}</legend>
          {field("accountName", t("auth.signUp.organisationName"))}
          {field("tenantName", t("auth.signUp.firstLocation"), { hint: t("auth.signUp.firstLocationHint") })}
          <Controller
            control={control}
            name="tenantSlug"
            render={({ field: f, fieldState }) => (
              <TextField
                label={t("auth.signUp.slug")}
                value={f.value}
                onChange={(v) => {
                  setSlugTouched(true);
                  f.onChange(v.toLowerCase());
                }}
                onBlur={f.onBlur}
                error={fieldState.error?.message ?? problem?.fields.tenantSlug ?? (slugCheck.state === "unavailable" ? slugCheck.reason : undefined)}
                hint={slugHint(slugCheck, t) ?? t("auth.signUp.slugHint")}
              />
            )}
          />
        </fieldset>
        <Button type="submit" variant="primary" size="lg" busy={signingUp}>
          {t("auth.signUp.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}
