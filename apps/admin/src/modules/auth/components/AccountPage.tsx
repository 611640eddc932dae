import { useEffect, useState, useSyncExternalStore, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { authToken } from "../../../lib/auth-token";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert } from "../../../ui/states";
import { accountNotice, useChangePassword, useSignOut } from "../hooks/use-account-actions";
import { useSession } from "../hooks/use-session";

const emptyForm = { currentPassword: "", newPassword: "", confirmation: "" };

/** Your account: change the password, or sign out on every device. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { changePassword, changing } = useChangePassword();
  const { signOutEverywhere, signingOut } = useSignOut();
  const notice = useSyncExternalStore(accountNotice.subscribe, accountNotice.get, accountNotice.get);
  const [form, setForm] = useState(emptyForm);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [everywhereProblem, setEverywhereProblem] = useState<Problem | null>(null);

  // Shown once, on the page it belongs to: leaving the page clears it, the token swap that remounts it does not.
  useEffect(() => {
    const mountedWith = authToken.get();
    return () => {
      if (authToken.get() === mountedWith) accountNotice.set(null);
    };
  }, []);

  const set = (field: keyof typeof emptyForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const error = (field: "currentPassword" | "newPassword" | "confirmation") => clientErrors[field] ?? problem?.fields[field];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    accountNotice.set(null);
    const errors: Record<string, string> = {};
    if (!form.currentPassword) errors.currentPassword = t("auth.account.enterCurrent");
    if (form.newPassword.length < 10) errors.newPassword = t("auth.atLeast10");
    if (form.confirmation !== form.newPassword) errors.confirmation = t("auth.account.noMatch");
    setClientErrors(errors);
    setProblem(null);
    if (Object.keys(errors).length) return;
    setProblem(await changePassword(form.currentPassword, form.newPassword));
  };

  return (
    <section className="stack">
      <PageHeader title={t("auth.account.title")} description={t("auth.account.signedInAs", { email: user.email })} />
      {notice && <Alert tone="success">{t(notice)}</Alert>}
      <div className="card">
        <h2>{t("auth.account.changePassword")}</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
          <TextField
            label={t("auth.account.currentPassword")}
            type="password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={set("currentPassword")}
            error={error("currentPassword")}
          />
          <TextField
            label={t("auth.newPassword")}
            type="password"
            autoComplete="new-password"
            value={form.newPassword}
            onChange={set("newPassword")}
            error={error("newPassword")}
            hint={t("auth.passwordHint")}
          />
          <TextField
            label={t("auth.account.repeatPassword")}
            type="password"
            autoComplete="new-password"
            value={form.confirmation}
            onChange={set("confirmation")}
            error={error("confirmation")}
          />
          <p className="field__hint">{t("auth.account.signsOutOthers")}</p>
          <Button type="submit" variant="primary" busy={changing}>
            {t("auth.account.changePassword")}
          </Button>
        </form>
      </div>
      <div className="card">
        <h2>{t("auth.account.sessions")}</h2>
        <p>{t("auth.account.sessionsBody")}</p>
        {everywhereProblem && <Alert>{everywhereProblem.message}</Alert>}
        <Button variant="danger" busy={signingOut} onClick={() => void signOutEverywhere().then(setEverywhereProblem)}>
          {t("auth.account.signOutEverywhere")}
        </Button>
      </div>
    </section>
  );
}
