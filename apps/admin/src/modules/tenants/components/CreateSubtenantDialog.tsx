import { zodResolver } from "@hookform/resolvers/zod";
import { slugSchema, z } from "@qline/validation";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { required } from "../../../lib/forms";
import { placeConflict, type Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { slugHint, useSlugCheck } from "../../auth/hooks/use-slug-check";
import type { CreateTenantInput } from "../../../gql/graphql";
import { FormTextField } from "../../../ui/FormTextField";

interface Props {
  /** A subtenant under `parent`, or (without it) a root tenant in `account`. */
  parent?: { id: string; name: string } | undefined;
  account?: { id: string; name: string } | undefined;
  busy: boolean;
  onCreate: (input: CreateTenantInput) => Promise<Problem | null>;
  onClose: () => void;
}

/** The shared slug schema (@qline/validation), as the API checks it; name and address as createTenant takes them. */
const tenantSchema = (t: TFunction) =>
  z.object({
    name: required(z.string().max(100, t("tenants.create.atMost100")), t("tenants.create.enterName")),
    slug: required(slugSchema, t("tenants.create.enterSlug")),
    address: z.string().trim(),
  });
type TenantValues = z.input<ReturnType<typeof tenantSchema>>;

export function CreateSubtenantDialog({ parent, account, busy, onCreate, onClose }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => tenantSchema(t), [t]); // `t` changes with the language
  const { control, handleSubmit, watch } = useForm<TenantValues, unknown, z.output<ReturnType<typeof tenantSchema>>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", slug: "", address: "" },
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const slugCheck = useSlugCheck(watch("slug"));

  const submit = handleSubmit(async ({ name, slug, address }) => {
    const input: CreateTenantInput = parent ? { parentId: parent.id, name, slug } : { accountId: account?.id ?? null, name, slug };
    if (address) input.location = { address };
    setProblem(placeConflict(await onCreate(input), { slug: /slug/i }));
  });

  const formId = "create-subtenant";
  return (
    <Dialog
      title={parent ? t("tenants.create.titleSub", { name: parent.name }) : t("tenants.create.titleRoot", { name: account?.name ?? t("tenants.create.yourAccount") })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("tenants.create.cancel")}</Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {parent ? t("tenants.create.createSub") : t("tenants.create.createRoot")}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && !Object.keys(problem.fields).some((k) => ["name", "slug", "location.address"].includes(k)) && <Alert>{problem.message}</Alert>}
        <FormTextField control={control} name="name" label={t("tenants.create.name")} serverError={problem?.fields.name} required />
        <FormTextField
          control={control}
          name="slug"
          label={t("tenants.create.slug")}
          normalize={(v) => v.toLowerCase()}
          serverError={problem?.fields.slug ?? (slugCheck.state === "unavailable" ? slugCheck.reason : undefined)}
          hint={slugHint(slugCheck, t) ?? t("tenants.create.slugHint")}
          required
        />
        <Controller
          control={control}
          name="address"
          render={({ field }) => <TextField label={t("tenants.create.address")} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={problem?.fields["location.address"]} hint={t("tenants.create.optional")} />}
        />
      </form>
    </Dialog>
  );
}
