import { useCallback, useEffect, useState } from "react";
import { navigate, tenantHref } from "../../../app/router";
import { useTranslation } from "react-i18next";
import { useSession } from "../../auth/hooks/use-session";
import { useSubtenants } from "../hooks/use-subtenants";

/** Indentation for a subtenant's option: one step per level below the tenant the role is held on. */
const indent = (levels: number) => "\u00a0\u00a0".repeat(Math.max(0, levels)) + "└ ";

/** The subtree of one tenant the user holds a role on, as nested options (tree order from the API). */
function SubtenantOptions({
  rootId,
  rootDepth,
  search,
  onTruncated,
  onListed,
}: {
  rootId: string;
  rootDepth: number;
  search: string;
  onTruncated: (more: boolean) => void;
  /** The ids this subtree lists (so a role held further down is not listed twice). */
  onListed: (rootId: string, ids: ReadonlySet<string>) => void;
}) {
  const { t } = useTranslation();
  const { nodes, truncated } = useSubtenants(rootId, search);
  useEffect(() => {
    if (truncated) onTruncated(true);
  }, [truncated, onTruncated]);
  const listedIds = nodes.map((n) => n.id).join(" "); // a value: `nodes` is a new array on every render
  useEffect(() => {
    onListed(rootId, new Set(listedIds ? listedIds.split(" ") : []));
  }, [rootId, listedIds, onListed]);
  return (
    <>
      {nodes.map((node) => (
        <option key={node.id} value={node.id}>
          {indent(node.depth - rootDepth - 1)}
          {node.name}
          {node.suspended ? t("tenants.switcher.suspended") : ""}
        </option>
      ))}
    </>
  );
}

/**
 * Account and tenant pickers. Tenants listed are those where the user holds a role directly (the roots of what
 * they can see), each followed by its subtenants, nested; with more subtenants than one page, a search box
 * narrows them (by name or slug, on the server). A role held inside another listed subtree (a chain role and a
 * store role) is listed once, where the subtree shows it.
 */
export function TenantSwitcher({ current }: { current: { id: string; name: string; accountId: string } | null }) {
  const { t } = useTranslation();
  const { user, accounts } = useSession();
  const accountId = current?.accountId ?? user.memberships[0]?.tenant.accountId ?? "";
  const [search, setSearch] = useState("");
  const [many, setMany] = useState(false);
  const [listedBySubtree, setListedBySubtree] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const onListed = useCallback((rootId: string, ids: ReadonlySet<string>) => setListedBySubtree((before) => new Map(before).set(rootId, ids)), []);
  const inAnotherSubtree = (tenantId: string) => [...listedBySubtree].some(([rootId, ids]) => rootId !== tenantId && ids.has(tenantId));
  const inAccount = user.memberships.filter((m) => m.tenant.accountId === accountId && !inAnotherSubtree(m.tenant.id));
  // Listed on its own only when the subtree options may not include it (a long subtree, or a search).
  const listed = current && !inAccount.some((m) => m.tenant.id === current.id) && (many || search !== "");
  const accountOptions = accounts.filter((a) => user.memberships.some((m) => m.tenant.accountId === a.id));

  return (
    <div className="switcher">
      {accountOptions.length > 1 && (
        <label className="switcher__item">
          <span className="switcher__label">{t("tenants.switcher.account")}</span>
          <select
            className="input input--compact"
            value={accountId}
            onChange={(e) => {
              const first = user.memberships.find((m) => m.tenant.accountId === e.target.value);
              if (first) navigate(tenantHref(first.tenant.id));
            }}
          >
            {accountOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="switcher__item">
        <span className="switcher__label">{t("tenants.switcher.tenant")}</span>
        <select className="input input--compact" value={current?.id ?? ""} onChange={(e) => navigate(tenantHref(e.target.value))}>
          {!current && <option value="">{t("tenants.switcher.choose")}</option>}
          {listed && <option value={current.id}>{current.name}</option>}
          {inAccount.map((m) => [
            <option key={m.tenant.id} value={m.tenant.id}>
              {m.tenant.name} · {t(`roles.${m.role}`)}
              {m.suspended ? t("tenants.switcher.suspended") : ""}
            </option>,
            <SubtenantOptions key={`${m.tenant.id}-sub`} rootId={m.tenant.id} rootDepth={m.tenant.depth} search={search} onTruncated={setMany} onListed={onListed} />,
          ])}
        </select>
      </label>
      {(many || search) && (
        <label className="switcher__item">
          <span className="switcher__label">{t("tenants.switcher.find")}</span>
          <input className="input input--compact" type="search" placeholder={t("tenants.switcher.findPlaceholder")} value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      )}
    </div>
  );
}
