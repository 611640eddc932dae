/**
 * Queuing the platform's own emails (invitations, password resets) in `platform_mail`, always inside the
 * transaction of the change that causes them: the mail exists exactly when its invitation or reset does, and
 * nothing is sent while that transaction is open. The worker (worker.ts) delivers; `wakePlatformMail` after the
 * commit makes this process's worker look at once instead of at its next poll.
 */
import { randomUUID } from "node:crypto";
import { platformMail, type Database, type PlatformMailKind, type Tx } from "@qline/db";

export interface QueuedMail {
  kind: PlatformMailKind;
  to: string;
  subject: string;
  body: string;
}

export async function queuePlatformMail(tx: Tx, mail: QueuedMail): Promise<string> {
  const id = randomUUID();
  await tx.insert(platformMail).values({ id, kind: mail.kind, toAddress: mail.to, subject: mail.subject, body: mail.body });
  return id;
}

const wakers = new WeakMap<Database, () => void>();
export function registerPlatformMailWake(db: Database, wake: (() => void) | null): void {
  if (wake) wakers.set(db, wake);
  else wakers.delete(db);
}
/** After a commit that queued mail. */
export function wakePlatformMail(db: Database): void {
  wakers.get(db)?.();
}
