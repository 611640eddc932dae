import { sql } from "drizzle-orm";
import { col, decodeRows, z, type Database } from "@qline/db";
import { lookupDoor, signInDoor } from "../context/doors.js";
import { createContext } from "../context/context.js";
import type { Config } from "../env.js";
import { login, signUp, userIdByEmail } from "../modules/auth/auth.service.js";
import { createApiKey } from "../modules/api-keys/api-keys.service.js";
import { apiKeyPresets } from "../context/permissions.js";
import { createCounter, createLine, createTicketType, setTicketExtensionSchema } from "../modules/lines/lines.service.js";
import { createTenant } from "../modules/tenants/tenants.service.js";
import type { QlinePubSub } from "../pubsub/pubsub.js";

export const demoLogin = { email: "demo@qline.dev", password: "qline-demo-2026" } as const;

export interface DemoInfo {
  email: string;
  password: string;
  tenantSlug: string;
  created: boolean;
  /** The demo kiosk's device key (the Kiosk preset: tenant:read, lines:read, display:read, tickets:issue); shown once at creation. */
  kioskKey: string | null;
  /** The demo line customers join from their own phone (null when the demo was seeded earlier: the join list still works). */
  joinLineId: string | null;
}

/** A custom-fields schema the kiosk renders as a form (model type extensions). */
const demoExtensionSchema = {
  type: "object",
  properties: {
    drink: { type: "string", title: "Drink", enum: ["Espresso", "Flat white", "Tea", "Hot chocolate"] },
    oatMilk: { type: "boolean", title: "Oat milk" },
    note: { type: "string", title: "Note for the barista", maxLength: 80 },
  },
  required: ["drink"],
  additionalProperties: false,
};

/** Seeds a demo account (a coffee chain with two stores) once; later starts find it and change nothing. */
export async function seedDemo(db: Database, config: Config, pubsub: QlinePubSub): Promise<DemoInfo> {
  const existing = await lookupDoor(db, (tx) => userIdByEmail(tx, demoLogin.email));
  const info = { ...demoLogin, tenantSlug: "demo-coffee" };
  if (existing) return { ...info, created: false, kioskKey: null, joinLineId: null };

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
  const root = (await signInDoor(db, user.id, async (tx) =>
    decodeRows(z.object({ tenant_id: col.uuid }), await tx.execute(sql`select tenant_id from memberships where user_id = ${user.id}`)),
  ))[0]!.tenant_id;
  await createTenant(ctx, {
    parentId: root,
    name: "Downtown",
    slug: "demo-coffee-downtown",
    location: { address: "1 Main Street", latitude: 52.52, longitude: 13.405 },
    settings: { locale: "en" },
  });
  await createTenant(ctx, { parentId: root, name: "Harbour", slug: "demo-coffee-harbour", settings: { locale: "de" } });

  const takeaway = await createTicketType(ctx, root, { code: "TAKEAWAY", name: "Takeaway", defaultServiceSeconds: 90 });
  const table = await createTicketType(ctx, root, { code: "TABLE", name: "Table service", defaultServiceSeconds: 240 });
  await setTicketExtensionSchema(ctx, root, demoExtensionSchema);
  const line = await createLine(ctx, root, { name: "Coffee bar", prefix: "A", ticketTypeIds: [takeaway.id, table.id], showEstimates: true, remoteJoin: true });
  await createCounter(ctx, line.id, "Counter 1");
  await createCounter(ctx, line.id, "Counter 2");
  const { secret } = await createApiKey(ctx, root, "Demo kiosk", [...apiKeyPresets.Kiosk]);
  return { ...info, created: true, kioskKey: secret, joinLineId: line.id };
}
