import { tenantHref, type TenantSection } from "../../../app/router";
import type { Permission } from "../../../lib/permissions";
import { roleLabels } from "../../../lib/permissions";
import { PageHeader } from "../../../ui/PageHeader";
import { ActivityPanel } from "../../activity/components/ActivityPanel";
import { useCurrentTenant } from "../hooks/use-current-tenant";

const shortcuts: { section: TenantSection; title: string; text: string; permission: Permission }[] = [
  { section: "board", title: "Queue board", text: "Call, serve and reorder tickets, live.", permission: "tickets:read" },
  { section: "lines", title: "Lines & counters", text: "Queues, ticket types, hours, estimates and desks.", permission: "lines:read" },
  { section: "links", title: "Join links & devices", text: "QR codes and posters to join from a phone; kiosk and display links.", permission: "lines:read" },
  { section: "ticket-fields", title: "Ticket fields", text: "Extra questions the kiosk asks.", permission: "lines:read" },
  { section: "tree", title: "Tenant tree", text: "Branches, venues and departments under this tenant.", permission: "tenant:read" },
  { section: "settings", title: "Settings", text: "Name, location, branding and inherited settings.", permission: "tenant:read" },
  { section: "members", title: "Members", text: "Who can work here, and with which role.", permission: "members:read" },
  { section: "api-keys", title: "API keys", text: "Credentials for kiosks, displays and partners.", permission: "apikeys:manage" },
  { section: "audit", title: "Audit log", text: "Every change, who made it and when.", permission: "audit:read" },
];

export function TenantOverviewPage() {
  const { tenant, role, can } = useCurrentTenant();
  return (
    <section>
      <PageHeader
        title={tenant.name}
        description={
          <>
            <code>/{tenant.slug}</code> · your role: <strong>{role ? roleLabels[role] : "none"}</strong>
            {tenant.depth > 0 ? " (applies to everything below)" : ""}
          </>
        }
      />
      {can("tickets:read") && <ActivityPanel tenantId={tenant.id} canSetUp={can("lines:manage") && can("apikeys:manage")} />}
      <h2 className="section-title">Manage</h2>
      <div className="tiles">
        {shortcuts
          .filter((s) => can(s.permission))
          .map((s) => (
            <a key={s.section} className="tile" href={tenantHref(tenant.id, s.section)}>
              <strong>{s.title}</strong>
              <span className="muted">{s.text}</span>
            </a>
          ))}
      </div>
    </section>
  );
}
