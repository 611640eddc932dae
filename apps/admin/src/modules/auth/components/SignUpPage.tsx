import { useState, type FormEvent } from "react";
import { hrefFor } from "../../../app/router";
import { placeConflict, type Problem } from "../../../lib/errors";
import { emailProblem, slugProblem } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { useAuthActions } from "../hooks/use-auth-actions";
import { slugHint, useSlugCheck } from "../hooks/use-slug-check";
import { AuthLayout } from "./AuthLayout";

const emptyForm = { name: "", email: "", password: "", accountName: "", tenantName: "", tenantSlug: "" };
type Form = typeof emptyForm;

export const passwordHint = "At least 10 characters and hard to guess: a few unrelated words work well.";

/** Client checks mirror the API's, so most mistakes are caught before a round trip; the API's verdict still wins. */
export function validateSignUp(form: Form): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = "Enter your name";
  if (!form.email.trim()) errors.email = "Enter an email address";
  else {
    const email = emailProblem(form.email);
    if (email) errors.email = email;
  }
  // Length only: how guessable a password is, the API decides (a common-password list and a strength estimate).
  if (form.password.length < 10) errors.password = "Use at least 10 characters";
  if (!form.accountName.trim()) errors.accountName = "Enter your organisation's name";
  if (!form.tenantName.trim()) errors.tenantName = "Enter the first location's name";
  const slug = slugProblem(form.tenantSlug);
  if (slug) errors.tenantSlug = slug;
  return errors;
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function SignUpPage() {
  const { signUp, signingUp } = useAuthActions();
  const [form, setForm] = useState<Form>(emptyForm);
  const [slugTouched, setSlugTouched] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const slugCheck = useSlugCheck(form.tenantSlug);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const set = (key: keyof Form) => (value: string) =>
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === "tenantName" && !slugTouched) next.tenantSlug = slugify(value);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateSignUp(form);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = placeConflict(await signUp({ ...form, email: form.email.trim() }), { email: /email/i, tenantSlug: /slug/i });
    setProblem(result);
    if (!result) setSentTo(form.email.trim());
  };

  if (sentTo) {
    return (
      <AuthLayout title="Check your email" footer={<>Already confirmed? <a href={hrefFor({ name: "login" })}>Sign in</a></>}>
        <p>
          We sent a link to <strong>{sentTo}</strong>. Open it within 24 hours to create {form.accountName.trim()} and its first location,{" "}
          {form.tenantName.trim()}, and you are signed in.
        </p>
        <p className="muted">No email after a few minutes? Check the spam folder, or sign up again.</p>
      </AuthLayout>
    );
  }

  const error = (key: keyof Form) => clientErrors[key] ?? problem?.fields[key];
  const slugError = error("tenantSlug") ?? (slugCheck.state === "unavailable" ? slugCheck.reason : undefined);

  return (
    <AuthLayout title="Create your qline account" footer={<>Already have an account? <a href={hrefFor({ name: "login" })}>Sign in</a></>}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
        <fieldset className="fieldset">
          <legend>You</legend>
          <TextField label="Your name" autoComplete="name" value={form.name} onChange={set("name")} error={error("name")} />
          <TextField label="Email" type="email" autoComplete="email" value={form.email} onChange={set("email")} error={error("email")} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set("password")}
            error={error("password")}
            hint={passwordHint}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>Your organisation</legend>
          <TextField label="Organisation name" value={form.accountName} onChange={set("accountName")} error={error("accountName")} />
          <TextField label="First location" value={form.tenantName} onChange={set("tenantName")} error={error("tenantName")} hint="A shop, branch or venue. Add more later." />
          <TextField
            label="Web address (slug)"
            value={form.tenantSlug}
            onChange={(v) => {
              setSlugTouched(true);
              set("tenantSlug")(v.toLowerCase());
            }}
            error={slugError}
            hint={slugHint(slugCheck) ?? "Used in kiosk and customer links."}
          />
        </fieldset>
        <Button type="submit" variant="primary" size="lg" busy={signingUp}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
