import { navigate, tenantHref } from "../../../app/router";
import { roleLabels } from "../../../lib/permissions";
import { useSession } from "../../auth/hooks/use-session";

/**
 * Account and tenant pickers. Tenants listed are those where the user holds a role directly (the roots of what
 * they can see); the tenant being viewed is listed too when it is below one of them.
 */
export function TenantSwitcher({ current }: { current: { id: string; name: string; accountId: string } | null }) {
  const { user, accounts } = useSession();
  const accountId = current?.accountId ?? user.memberships[0]?.tenant.accountId ?? "";
  const inAccount = user.memberships.filter((m) => m.tenant.accountId === accountId);
  const listed = current && !inAccount.some((m) => m.tenant.id === current.id);
  const accountOptions = accounts.filter((a) => user.memberships.some((m) => m.tenant.accountId === a.id));

  return (
    <div className="switcher">
      {accountOptions.length > 1 && (
        <label className="switcher__item">
          <span className="switcher__label">Account</span>
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
        <span className="switcher__label">Tenant</span>
        <select className="input input--compact" value={current?.id ?? ""} onChange={(e) => navigate(tenantHref(e.target.value))}>
          {!current && <option value="">Choose…</option>}
          {listed && <option value={current.id}>{current.name}</option>}
          {inAccount.map((m) => (
            <option key={m.tenant.id} value={m.tenant.id}>
              {m.tenant.name} · {roleLabels[m.role]}
              {m.suspended ? " (suspended)" : ""}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
