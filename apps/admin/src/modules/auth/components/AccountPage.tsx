import { useEffect, useState, useSyncExternalStore, type FormEvent } from "react";
import { authToken } from "../../../lib/auth-token";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert } from "../../../ui/states";
import { accountNotice, useChangePassword, useSignOut } from "../hooks/use-account-actions";
import { useSession } from "../hooks/use-session";
import { passwordHint } from "./SignUpPage";

const emptyForm = { currentPassword: "", newPassword: "", confirmation: "" };

/** Your account: change the password, or sign out on every device. */
export function AccountPage() {
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
    if (!form.currentPassword) errors.currentPassword = "Enter your current password";
    if (form.newPassword.length < 10) errors.newPassword = "Use at least 10 characters";
    if (form.confirmation !== form.newPassword) errors.confirmation = "Does not match the new password";
    setClientErrors(errors);
    setProblem(null);
    if (Object.keys(errors).length) return;
    setProblem(await changePassword(form.currentPassword, form.newPassword));
  };

  return (
    <section className="stack">
      <PageHeader title="Your account" description={`Signed in as ${user.email}`} />
      {notice && <Alert tone="success">{notice}</Alert>}
      <div className="card">
        <h2>Change password</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && !Object.keys(problem.fields).length && <Alert>{problem.message}</Alert>}
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={set("currentPassword")}
            error={error("currentPassword")}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={form.newPassword}
            onChange={set("newPassword")}
            error={error("newPassword")}
            hint={passwordHint}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={form.confirmation}
            onChange={set("confirmation")}
            error={error("confirmation")}
          />
          <p className="field__hint">Changing it signs you out on every other device.</p>
          <Button type="submit" variant="primary" busy={changing}>
            Change password
          </Button>
        </form>
      </div>
      <div className="card">
        <h2>Sessions</h2>
        <p>Lost a device or signed in on a shared computer? End every session of yours, this one included.</p>
        {everywhereProblem && <Alert>{everywhereProblem.message}</Alert>}
        <Button variant="danger" busy={signingOut} onClick={() => void signOutEverywhere().then(setEverywhereProblem)}>
          Sign out everywhere
        </Button>
      </div>
    </section>
  );
}
