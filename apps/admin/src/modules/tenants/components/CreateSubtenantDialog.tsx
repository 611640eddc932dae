import { useState, type FormEvent } from "react";
import { placeConflict, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { slugHint, useSlugCheck } from "../../auth/hooks/use-slug-check";
import type { CreateTenantInput } from "../../../gql/graphql";

interface Props {
  /** A subtenant under `parent`, or (without it) a root tenant in `account`. */
  parent?: { id: string; name: string } | undefined;
  account?: { id: string; name: string } | undefined;
  busy: boolean;
  onCreate: (input: CreateTenantInput) => Promise<Problem | null>;
  onClose: () => void;
}

export function CreateSubtenantDialog({ parent, account, busy, onCreate, onClose }: Props) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [address, setAddress] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const slugCheck = useSlugCheck(slug);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: CreateTenantInput = parent ? { parentId: parent.id, name: name.trim(), slug: slug.trim() } : { accountId: account?.id ?? null, name: name.trim(), slug: slug.trim() };
    if (address.trim()) input.location = { address: address.trim() };
    setProblem(placeConflict(await onCreate(input), { slug: /slug/i }));
  };

  const formId = "create-subtenant";
  return (
    <Dialog
      title={parent ? `New subtenant under ${parent.name}` : `New root tenant in ${account?.name ?? "your account"}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {parent ? "Create subtenant" : "Create tenant"}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && !Object.keys(problem.fields).some((k) => ["name", "slug", "location.address"].includes(k)) && <Alert>{problem.message}</Alert>}
        <TextField label="Name" value={name} onChange={setName} error={problem?.fields.name} required />
        <TextField
          label="Slug"
          value={slug}
          onChange={(v) => setSlug(v.toLowerCase())}
          error={problem?.fields.slug ?? (slugCheck.state === "unavailable" ? slugCheck.reason : undefined)}
          hint={slugHint(slugCheck) ?? "Lowercase letters, digits and hyphens; used in kiosk links."}
          required
        />
        <TextField label="Address" value={address} onChange={setAddress} error={problem?.fields["location.address"]} hint="Optional." />
      </form>
    </Dialog>
  );
}
