import { sql } from "drizzle-orm";
import { rowsOf, withTenantTx, type Database } from "@qline/db";
import { createContext } from "../context/context.js";
import type { Config } from "../env.js";
import { login, signUp } from "../modules/auth/auth.service.js";
import { createTenant } from "../modules/tenants/tenants.service.js";
import type { QlinePubSub } from "../pubsub/pubsub.js";

export const demoLogin = { email: "demo@qline.dev", password: "qline-demo-2026" } as const;

export interface DemoInfo {
  email: string;
  password: string;
  tenantSlug: string;
  created: boolean;
}

/** Seeds a demo account (a coffee chain with two stores) once; later starts find it and change nothing. */
export async function seedDemo(db: Database, config: Config, pubsub: QlinePubSub): Promise<DemoInfo> {
  const existing = await withTenantTx(db, { tenantId: null, userId: null }, async (tx) =>
    rowsOf<{ id: string | null }>(await tx.execute(sql`select app.user_id_by_email(${demoLogin.email}) as id`))[0]?.id,
  );
  const info = { ...demoLogin, tenantSlug: "demo-coffee" };
  if (existing) return { ...info, created: false };

  const anonymousCtx = createContext({ config, db, pubsub, actor: { kind: "anonymous" } });
  await signUp(anonymousCtx, {
    ...demoLogin,
    name: "Dana Demo",
    accountName: "Demo Coffee Co.",
    tenantName: "Demo Coffee",
    tenantSlug: info.tenantSlug,
  });
  const { user } = await login(anonymousCtx, demoLogin.email, demoLogin.password);
  const ctx = createContext({ config, db, pubsub, actor: { kind: "user", userId: user.id, platformAdmin: false } });
  const root = (await withTenantTx(db, { tenantId: null, userId: user.id }, async (tx) =>
    rowsOf<{ tenant_id: string }>(await tx.execute(sql`select tenant_id from memberships where user_id = ${user.id}`)),
  ))[0]!.tenant_id;
  await createTenant(ctx, {
    parentId: root,
    name: "Downtown",
    slug: "demo-coffee-downtown",
    location: { address: "1 Main Street", latitude: 52.52, longitude: 13.405 },
    settings: { locale: "en" },
  });
  await createTenant(ctx, { parentId: root, name: "Harbour", slug: "demo-coffee-harbour", settings: { locale: "de" } });
  return { ...info, created: true };
}
