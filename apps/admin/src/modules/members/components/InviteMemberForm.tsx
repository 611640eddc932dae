import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "@qline/validation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { MemberRole } from "../../../gql/graphql";
import { placeConflict, type Problem } from "../../../lib/errors";
import { requiredEmail } from "../../../lib/forms";
import { Button } from "../../../ui/Button";
import { SelectField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { FormTextField } from "../../../ui/FormTextField";

interface Props {
  roles: readonly MemberRole[];
  busy: boolean;
  onInvite: (email: string, role: MemberRole) => Promise<Problem | null>;
}

const inviteSchema = z.object({ email: requiredEmail, role: z.string() });
type InviteValues = z.input<typeof inviteSchema>;

/** Invites an address with a role: it gets an emailed link and becomes a member only by accepting. */
export function InviteMemberForm({ roles, busy, onInvite }: Props) {
  const initialRole: MemberRole = roles.includes("STAFF") ? "STAFF" : (roles[roles.length - 1] ?? "VIEWER");
  const { control, handleSubmit, reset, getValues } = useForm<InviteValues, unknown, z.output<typeof inviteSchema>>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: "", role: initialRole },
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const { t } = useTranslation();

  const submit = handleSubmit(async ({ email, role }) => {
    setInvited(null);
    const result = placeConflict(await onInvite(email, role as MemberRole), { email: /member of this tenant already/i });
    setProblem(result);
    if (!result) {
      setInvited(email);
      reset({ email: "", role: getValues("role") });
    }
  });

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate aria-label={t("members.inviteForm")}>
      {problem && !problem.fields.email && !problem.fields.role && <Alert>{problem.message}</Alert>}
      {invited && <Alert tone="success">{t("members.invited", { email: invited })}</Alert>}
      <div className="form__row">
        <FormTextField
          control={control}
          name="email"
          label={t("members.email")}
          type="email"
          serverError={problem?.fields.email}
          hint={t("members.inviteHint")}
        />
        <Controller
          control={control}
          name="role"
          render={({ field }) => (
            <SelectField label={t("members.role")} value={field.value} onChange={field.onChange} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={problem?.fields.role} />
          )}
        />
        <Button type="submit" variant="primary" busy={busy} className="form__row-button">
          {t("members.invite")}
        </Button>
      </div>
    </form>
  );
}
