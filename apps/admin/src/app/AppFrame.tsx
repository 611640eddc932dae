import type { ReactNode } from "react";
import { useSignOut } from "../modules/auth/hooks/use-account-actions";
import { useSession } from "../modules/auth/hooks/use-session";
import { TenantSwitcher } from "../modules/tenants/components/TenantSwitcher";
import { Button } from "../ui/Button";
import { ConnectionIndicator } from "../ui/ConnectionIndicator";
import { hrefFor } from "./router";

/** Top bar (brand, switcher, live status, user) around every signed-in page. */
export function AppFrame({ current, children }: { current: { id: string; name: string; accountId: string } | null; children: ReactNode }) {
  const { user } = useSession();
  const { signOut, signingOut } = useSignOut();
  return (
    <div className="app">
      {/* Hash routing owns location.hash, so the skip link moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={hrefFor({ name: "home" })} aria-label="qline admin home">
          <span className="brand__mark" aria-hidden="true">
            q
          </span>
          <span aria-hidden="true">line</span>
        </a>
        <TenantSwitcher current={current} />
        <div className="topbar__end">
          <ConnectionIndicator />
          <a className="topbar__user" href={hrefFor({ name: "account" })} title={`${user.email}: your account`}>
            {user.name}
          </a>
          <Button variant="ghost" size="sm" busy={signingOut} onClick={() => void signOut()}>
            Sign out
          </Button>
        </div>
      </header>
      {children}
    </div>
  );
}
