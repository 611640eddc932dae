import { useState, type FormEvent } from "react";
import type { MemberRole } from "../../../gql/graphql";
import { placeConflict, type Problem } from "../../../lib/errors";
import { roleLabels } from "../../../lib/permissions";
import { Button } from "../../../ui/Button";
import { SelectField, TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";

interface Props {
  roles: readonly MemberRole[];
  busy: boolean;
  onInvite: (email: string, role: MemberRole) => Promise<Problem | null>;
}

/** Invites an address with a role: it gets an emailed link and becomes a member only by accepting. */
export function InviteMemberForm({ roles, busy, onInvite }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>(roles.includes("STAFF") ? "STAFF" : (roles[roles.length - 1] ?? "VIEWER"));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [clientError, setClientError] = useState<string | undefined>();
  const [invited, setInvited] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInvited(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setClientError("Enter an email address");
      return;
    }
    setClientError(undefined);
    const result = placeConflict(await onInvite(email, role), { email: /member of this tenant already/i });
    setProblem(result);
    if (!result) {
      setInvited(email.trim());
      setEmail("");
    }
  };

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate aria-label="Invite a member">
      {problem && !problem.fields.email && !problem.fields.role && <Alert>{problem.message}</Alert>}
      {invited && <Alert tone="success">Invitation sent to {invited}. They join when they accept it.</Alert>}
      <div className="form__row">
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={clientError ?? problem?.fields.email}
          hint="We email them a link; they join when they accept (with a login of theirs or a new one)."
        />
        <SelectField label="Role" value={role} onChange={(v) => setRole(v as MemberRole)} options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} error={problem?.fields.role} />
        <Button type="submit" variant="primary" busy={busy} className="form__row-button">
          Send invitation
        </Button>
      </div>
    </form>
  );
}
