import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { Tenant } from "../tenants/tenants.types.js";
import * as devices from "./devices.service.js";
import { CreateDeviceInput, CurrentDevice, Device, DevicePairing, PairedDevice, UpdateDeviceInput } from "./devices.types.js";

@Resolver(() => Device)
export class DevicesResolver {
  @Mutation(() => DevicePairing, {
    description: "A kiosk or display for the tenant (devices:manage), with its first pairing link (single use, DEVICE_PAIRING_TTL_SECONDS). BAD_USER_INPUT at input.lineIds.<i> for a line not of this tenant.",
  })
  createDevice(@Arg("tenantId", () => ID) tenantId: string, @Arg("input", () => CreateDeviceInput) input: CreateDeviceInput, @Ctx() ctx: RequestContext): Promise<DevicePairing> {
    return devices.createDevice(ctx, tenantId, input);
  }

  @Mutation(() => DevicePairing, { description: "A new pairing link (the previous one stops working); once used, the device's previous key is revoked. CONFLICT for a revoked device." })
  renewDevicePairing(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DevicePairing> {
    return devices.renewDevicePairing(ctx, id);
  }

  @Mutation(() => Device, { description: "Rename, change lines, or set the display's message strip (empty string clears it)." })
  updateDevice(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateDeviceInput) input: UpdateDeviceInput, @Ctx() ctx: RequestContext): Promise<Device> {
    return devices.updateDevice(ctx, id, input);
  }

  @Mutation(() => Device, { description: "Revokes the device's key: its next request is UNAUTHENTICATED and its live socket closes with 4401." })
  revokeDevice(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Device> {
    return devices.revokeDevice(ctx, id);
  }

  @Mutation(() => PairedDevice, {
    description: "Public (rate-limited per address like login): exchange a pairing link's token for the device's API key, once. NOT_FOUND for an unknown token; LINK_EXPIRED when expired, already used, or the device was revoked.",
  })
  pairDevice(@Arg("token", () => String) token: string, @Ctx() ctx: RequestContext): Promise<PairedDevice> {
    return devices.pairDevice(ctx, token);
  }

  @Query(() => CurrentDevice, { nullable: true, description: "The calling device's own settings (any API key reads its own device; no scope needed); null for other callers and for keys not made by pairing." })
  currentDevice(@Ctx() ctx: RequestContext): Promise<CurrentDevice | null> {
    return devices.currentDevice(ctx);
  }
}

@Resolver(() => Tenant)
export class TenantDevicesResolver {
  @FieldResolver(() => [Device], { description: "Kiosks and displays (devices:manage), newest first." })
  devices(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Device[]> {
    return devices.listDevices(ctx, tenant.id);
  }
}
