import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { deviceKinds, type DeviceKind as DeviceKindValue } from "@qline/db";
import { DateTime } from "../common/scalars.js";

export const DeviceKind = Object.fromEntries(deviceKinds.map((k) => [k, k])) as { [K in DeviceKindValue]: K };
registerEnumType(DeviceKind, {
  name: "DeviceKind",
  description: "KIOSK: issues tickets (scopes of the Kiosk preset). DISPLAY: the now-serving screen (Display preset: reads no personal data).",
});

@ObjectType({ description: "A kiosk or display paired by link; its credential is an API key minted at pairing, never typed." })
export class Device {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  name: string;

  @Field(() => DeviceKind)
  kind: DeviceKindValue;

  @Field(() => [ID], { description: "The lines it shows or issues for; empty: every line of the tenant." })
  lineIds: string[];

  @Field(() => String, { nullable: true, description: "A display's message strip (announcements, opening hours)." })
  message: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When it last exchanged a pairing link; null: never paired." })
  pairedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Its key's last use (recorded at most once a minute)." })
  lastSeenAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When its current pairing link stops working; null when none is pending." })
  pairingExpiresAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: "A single-use pairing link: open it on the device. Shown once; only its hash is stored." })
export class DevicePairing {
  @Field(() => Device)
  device: Device;

  @Field(() => String, { description: "QLINE_PUBLIC_URL/pair/<token>: open on the kiosk or display (or scan its QR code)." })
  pairingUrl: string;

  @Field(() => DateTime)
  expiresAt: Date;
}

@ObjectType({ description: "What a device learns when it exchanges its pairing link: its key (once) and where to go." })
export class PairedDevice {
  @Field(() => ID)
  deviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => DeviceKind)
  kind: DeviceKindValue;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String, { description: "The tenant's public slug: the device's pages are /t/<slug>/kiosk or /t/<slug>/display." })
  tenantSlug: string;

  @Field(() => [ID])
  lineIds: string[];

  @Field(() => String, { description: "The device's API key, shown once: sent as `Authorization: ApiKey <key>`." })
  apiKey: string;
}

@ObjectType({ description: "The calling device's own settings (read with its key)." })
export class CurrentDevice {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => DeviceKind)
  kind: DeviceKindValue;

  @Field(() => [ID], { description: "Empty: every line of the tenant." })
  lineIds: string[];

  @Field(() => String, { nullable: true })
  message: string | null;
}

@InputType()
export class CreateDeviceInput {
  @Field(() => String)
  name: string;

  @Field(() => DeviceKind)
  kind: DeviceKindValue;

  @Field(() => [ID], { nullable: true, description: "Lines of the tenant; empty or absent: every line." })
  lineIds?: string[] | null;

  @Field(() => String, { nullable: true })
  message?: string | null;
}

@InputType()
export class UpdateDeviceInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  lineIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "An empty string clears the strip." })
  message?: string | null;
}
