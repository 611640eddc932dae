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
  onAdd: (email: string, role: MemberRole) => Promise<Problem | null>;
}

export function AddMemberForm({ roles, busy, onAdd }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>(roles.includes("STAFF") ? "STAFF" : (roles[roles.length - 1] ?? "VIEWER"));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [clientError, setClientError] = useState<string | undefined>();
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setClientError("Enter an email address");
      return;
    }
    setClientError(undefined);
    const result = placeConflict(await onAdd(email, role), { email: /already a member/i });
    setProblem(result);
    if (!result) {
      setAdded(email.trim());
      setEmail("");
    }
  };

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a member">
      {problem && !problem.fields.email && !problem.fields.role && <Alert>{problem.message}</Alert>}
      {added && <Alert tone="success">{added} added.</Alert>}
      <div className="form__row">
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={clientError ?? problem?.fields.email}
          hint="They need a qline login already."
        />
        <SelectField label="Role" value={role} onChange={(v) => setRole(v as MemberRole)} options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} error={problem?.fields.role} />
        <Button type="submit" variant="primary" busy={busy} className="form__row-button">
          Add member
        </Button>
      </div>
    </form>
  );
}
