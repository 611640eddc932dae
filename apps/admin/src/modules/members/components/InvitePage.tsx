import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { hrefFor, navigate, tenantHref } from "../../../app/router";
import { authToken } from "../../../lib/auth-token";
import { attempt, type Problem } from "../../../lib/errors";
import { roleLabels } from "../../../lib/permissions";
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
  const { data, loading, error } = useQuery(InvitationPreviewQuery, { variables: { token } });
  const invitation = data?.invitation;
  const footer = <a href={hrefFor({ name: "home" })}>Go to qline</a>;

  if (loading) return <Loading label="Opening the invitation…" />;
  if (!invitation) {
    return (
      <AuthLayout title="Invitation" footer={footer}>
        {error ? <Alert>This invitation link is not valid: it may have been replaced by a newer one or withdrawn.</Alert> : <ErrorState error={error} />}
      </AuthLayout>
    );
  }
  const what = `${invitation.tenantName} as ${roleLabels[invitation.role].toLowerCase()}`;
  return (
    <AuthLayout title={`Join ${invitation.tenantName}`} footer={footer}>
      {invitation.status === "PENDING" ? (
        <>
          <p>
            You are invited to {what}. The invitation is for <strong>{invitation.email}</strong>.
          </p>
          {signedIn ? <AcceptAsMember token={token} email={invitation.email} /> : <SignInOrSignUp token={token} email={invitation.email} />}
        </>
      ) : (
        <Alert>
          {invitation.status === "EXPIRED"
            ? "This invitation has expired. Ask the person who invited you to send it again."
            : invitation.status === "ACCEPTED"
              ? "This invitation has been accepted already."
              : "This invitation was withdrawn."}
        </Alert>
      )}
    </AuthLayout>
  );
}

function AcceptAsMember({ token, email }: { token: string; email: string }) {
  const session = useSession();
  const [accept, state] = useMutation(AcceptInvitationMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const wrongLogin = session.user.email.toLowerCase() !== email.toLowerCase();
  return (
    <div className="stack">
      {wrongLogin && (
        <Alert tone="info">
          You are signed in as {session.user.email}. Sign out and sign in as {email} to accept.
        </Alert>
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
        Accept invitation
      </Button>
    </div>
  );
}

function SignInOrSignUp({ token, email }: { token: string; email: string }) {
  const [mode, setMode] = useState<"signin" | "signup">("signup");
  return (
    <div className="stack">
      <div role="group" aria-label="Do you have a qline login?">
        <Button variant={mode === "signup" ? "primary" : "ghost"} aria-pressed={mode === "signup"} onClick={() => setMode("signup")}>
          I am new to qline
        </Button>{" "}
        <Button variant={mode === "signin" ? "primary" : "ghost"} aria-pressed={mode === "signin"} onClick={() => setMode("signin")}>
          I have a login
        </Button>
      </div>
      {mode === "signin" ? (
        <>
          <p className="muted">Sign in as {email}; then accept the invitation.</p>
          <LoginPage email={email} embedded />
        </>
      ) : (
        <JoinWithNewLogin token={token} email={email} />
      )}
    </div>
  );
}

function JoinWithNewLogin({ token, email }: { token: string; email: string }) {
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
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Create your login and join">
      {problem && !problem.fields.name && !problem.fields.password && <Alert>{problem.message}</Alert>}
      <TextField label="Email" type="email" value={email} onChange={() => {}} readOnly hint="Your login is made for the invited address." />
      <TextField label="Your name" autoComplete="name" required value={name} onChange={setName} error={problem?.fields.name} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={setPassword}
        error={problem?.fields.password}
        hint="At least 10 characters and hard to guess."
      />
      <Button type="submit" variant="primary" size="lg" busy={state.loading}>
        Create login and join
      </Button>
    </form>
  );
}
