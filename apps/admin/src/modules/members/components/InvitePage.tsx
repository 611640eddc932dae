import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { hrefFor, navigate, tenantHref } from "../../../app/router";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { AuthLayout } from "../../auth/components/AuthLayout";
import { LoginPage } from "../../auth/components/LoginPage";
import { useSession } from "../../auth/hooks/use-session";
import { AcceptInvitationMutation } from "../graphql/accept-invitation.mutation";
import { AcceptInvitationWithSignUpMutation } from "../graphql/accept-invitation-with-sign-up.mutation";
import { InvitationPreviewQuery } from "../graphql/invitation.query";

/**
 * An invitation link (`#/invite/<token>`). Signed in: join with one click (nothing happens without it). Signed
 * out: sign in with the invited address, or create a login for it and join in one step.
 */
export function InvitePage({ token, signedIn }: { token: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(InvitationPreviewQuery, { variables: { token } });
  const invitation = data?.invitation;
  const footer = <a href={hrefFor({ name: "home" })}>{t("members.invitation.goToQline")}</a>;

  if (loading) return <Loading label={t("members.invitation.opening")} />;
  if (!invitation) {
    return (
      <AuthLayout title={t("members.invitation.title")} footer={footer}>
        {error ? <Alert>{t("members.invitation.notValid")}</Alert> : <ErrorState error={error} />}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t("members.invitation.join", { tenant: invitation.tenantName })} footer={footer}>
      {invitation.status === "PENDING" ? (
        <>
          <p>
            <Trans
              i18nKey="members.invitation.invitedTo"
              values={{ tenant: invitation.tenantName, role: t(`members.invitation.roleInSentence.${invitation.role}`), email: invitation.email }}
              components={{ strong: <strong /> }}
            />
          </p>
          {signedIn ? <AcceptAsMember token={token} email={invitation.email} /> : <SignInOrSignUp token={token} email={invitation.email} />}
        </>
      ) : (
        <Alert>
          {invitation.status === "EXPIRED"
            ? t("members.invitation.expired")
            : invitation.status === "ACCEPTED"
              ? t("members.invitation.accepted")
              : t("members.invitation.withdrawn")}
        </Alert>
      )}
    </AuthLayout>
  );
}

function AcceptAsMember({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [accept, state] = useMutation(AcceptInvitationMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const wrongLogin = session.user.email.toLowerCase() !== email.toLowerCase();
  return (
    <div className="stack">
      {wrongLogin && (
        <Alert tone="info">{t("members.invitation.wrongLogin", { current: session.user.email, email })}</Alert>
      )}
      {problem && <Alert>{problem.message}</Alert>}
      <Button
        variant="primary"
        size="lg"
        busy={state.loading}
        disabled={wrongLogin}
        onClick={async () => {
          const result = await attempt(() => accept({ variables: { token } }));
          if (!result.ok) return setProblem(result.problem);
          const tenantId = result.value.data?.acceptInvitation.tenant.id;
          session.refresh();
          if (tenantId) navigate(tenantHref(tenantId), { replace: true });
        }}
      >
        {t("members.invitation.accept")}
      </Button>
    </div>
  );
}

function SignInOrSignUp({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"signin" | "signup">("signup");
  return (
    <div className="stack">
      <div role="group" aria-label={t("members.invitation.haveLogin")}>
        <Button variant={mode === "signup" ? "primary" : "ghost"} aria-pressed={mode === "signup"} onClick={() => setMode("signup")}>
          {t("members.invitation.newToQline")}
        </Button>{" "}
        <Button variant={mode === "signin" ? "primary" : "ghost"} aria-pressed={mode === "signin"} onClick={() => setMode("signin")}>
          {t("members.invitation.iHaveLogin")}
        </Button>
      </div>
      {mode === "signin" ? (
        <>
          <p className="muted">{t("members.invitation.signInAs", { email })}</p>
          <LoginPage email={email} embedded />
        </>
      ) : (
        <JoinWithNewLogin token={token} email={email} />
      )}
    </div>
  );
}

function JoinWithNewLogin({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const [join, state] = useMutation(AcceptInvitationWithSignUpMutation);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await attempt(() => join({ variables: { token, name: name.trim(), password } }));
    if (!result.ok) return setProblem(result.problem);
    const payload = result.value.data?.acceptInvitationWithSignUp;
    const tenantId = payload?.user.memberships[0]?.tenant.id;
    if (tenantId) navigate(tenantHref(tenantId), { replace: true });
    if (payload) authToken.set(payload.token);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("members.invitation.createForm")}>
      {problem && !problem.fields.name && !problem.fields.password && <Alert>{problem.message}</Alert>}
      <TextField label={t("members.invitation.email")} type="email" value={email} onChange={() => {}} readOnly hint={t("members.invitation.emailHint")} />
      <TextField label={t("members.invitation.yourName")} autoComplete="name" required value={name} onChange={setName} error={problem?.fields.name} />
      <TextField
        label={t("members.invitation.password")}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={setPassword}
        error={problem?.fields.password}
        hint={t("members.invitation.passwordHint")}
      />
      <Button type="submit" variant="primary" size="lg" busy={state.loading}>
        {t("members.invitation.create")}
      </Button>
    </form>
  );
}
